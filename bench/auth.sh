# shellcheck shell=bash
# Sourced by the bench scripts after the build: every gateway they start checks tokens against a key made for
# this run (Security__Jwt__SigningKey, read from the environment like any setting), without a rate limit (the
# load comes from one caller), and the load tools send an admin token minted with that key ($SLUICE_TOKEN).
Security__Jwt__SigningKey="bench-$(head -c 32 /dev/urandom | base64 | tr -d '/+=')"
export Security__Jwt__SigningKey
export Limits__RatePerSecond=0
SLUICE_TOKEN="$(dotnet src/Sluice/bin/Release/net10.0/Sluice.dll token --role admin --cpf 52998224725 --lifetime 12h)"
export SLUICE_TOKEN
