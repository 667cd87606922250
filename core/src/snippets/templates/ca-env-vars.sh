# Environment variables that point programs at a CA file, for {{comment:host}}.
# All but NODE_EXTRA_CA_CERTS replace the default store: give them the system's CAs plus
# this CA, or every other HTTPS site fails.
ca={{path:ca_copy}}
bundle={{path:bundle}}
mkdir -p ~/.config/certs
cp {{sh:ca_file}} "$ca"
cat {{sh:system_bundle}} {{sh:ca_file}} > "$bundle"
export SSL_CERT_FILE="$bundle"                 # OpenSSL, Go, Ruby, Python ssl: replaces
export REQUESTS_CA_BUNDLE="$bundle"            # Python requests: replaces
export CURL_CA_BUNDLE="$bundle"                # curl: replaces
export GIT_SSL_CAINFO="$bundle"                # git: replaces
export NODE_EXTRA_CA_CERTS="$ca"               # Node.js: adds to its CAs
# Keep them: add the ca=, bundle= and export lines to ~/.profile (or ~/.zprofile on macOS).
