# Environment variables that point programs at a CA file, for {{comment:host}} (this session;
# [Environment]::SetEnvironmentVariable(NAME, VALUE, 'User') keeps them).
# These replace the tool's default store: they suit tools that only talk to {{comment:host}}.
$ca = (Resolve-Path -Path {{ps:ca_file}}).Path
$env:REQUESTS_CA_BUNDLE = $ca   # Python requests: replaces
$env:CURL_CA_BUNDLE = $ca       # curl: replaces
$env:GIT_SSL_CAINFO = $ca       # git with http.sslBackend=openssl: replaces
$env:NODE_EXTRA_CA_CERTS = $ca  # Node.js: adds to its own CAs
