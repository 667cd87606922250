# Environment variables that point programs at a CA file, for {{host}}.
# All but NODE_EXTRA_CA_CERTS replace the default store: give them the system's CAs plus
# this CA, or every other HTTPS site fails.
bundle="$HOME/.config/certs/system-plus-{{host}}.pem"
mkdir -p "$HOME/.config/certs"
cp {{ca_file}} "$HOME/.config/certs/{{host}}-ca.pem"
cat {{system_bundle}} {{ca_file}} > "$bundle"
export SSL_CERT_FILE="$bundle"                 # OpenSSL, Go, Ruby, Python ssl: replaces
export REQUESTS_CA_BUNDLE="$bundle"            # Python requests: replaces
export CURL_CA_BUNDLE="$bundle"                # curl: replaces
export GIT_SSL_CAINFO="$bundle"                # git: replaces
export NODE_EXTRA_CA_CERTS="$HOME/.config/certs/{{host}}-ca.pem"  # Node.js: adds to its CAs
# Keep them: add the bundle= and export lines to ~/.profile (or ~/.zprofile on macOS).
