#!/usr/bin/env bash
# Writes, into FOLDER, an nginx main file that serves deploy/nginx/sluice.conf (the file compose mounts) on
# 127.0.0.1:LISTEN_PORT in front of Sluice nodes on 127.0.0.1:NODE_PORT..., with every path nginx writes inside
# FOLDER, so it runs beside anything else on the machine. Used by bench/drills.sh and by the tests.
# Usage: bench/nginx-local.sh FOLDER LISTEN_PORT NODE_PORT...   then: nginx -p FOLDER -c FOLDER/nginx.conf -e FOLDER/error.log
set -euo pipefail
folder="$(realpath -m "$1")"
listen="$2"
shift 2
site="$(realpath "$(dirname "$0")/../deploy/nginx/sluice.conf")"
mkdir -p "$folder"
cat > "$folder/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $folder/nginx.pid;
error_log $folder/error.log warn;
events { worker_connections 4096; }
http {
    client_body_temp_path $folder/client_body;
    proxy_temp_path $folder/proxy;
    fastcgi_temp_path $folder/fastcgi;
    uwsgi_temp_path $folder/uwsgi;
    scgi_temp_path $folder/scgi;
    include $site;
}
CONF
echo "listen 127.0.0.1:$listen;" > "$folder/sluice-listen.conf"
: > "$folder/sluice-upstreams.conf"
for port in "$@"; do
  echo "server 127.0.0.1:$port max_fails=2 fail_timeout=5s;" >> "$folder/sluice-upstreams.conf"
done
