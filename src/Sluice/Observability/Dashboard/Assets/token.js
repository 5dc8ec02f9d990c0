// The reader's bearer token for the pages under /dashboard: given once in the address as #token=… (a fragment never
// reaches the server or its logs), then kept for the tab in sessionStorage, so every page of the tab shares it.
"use strict";
const sluiceToken = {
  read() {
    const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (match) {
      sessionStorage.setItem("sluice.token", decodeURIComponent(match[1]));
      history.replaceState(null, "", location.pathname + location.search);
    }
    return sessionStorage.getItem("sluice.token");
  },
  keep(token) {
    sessionStorage.setItem("sluice.token", token);
  },
};
