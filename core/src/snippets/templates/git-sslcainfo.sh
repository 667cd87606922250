# git: trust the private CA for {{url}} only (the URL must match the remote's).
mkdir -p ~/.config/git/certs
cp {{ca_file}} ~/.config/git/certs/{{host}}-ca.pem
git config --global 'http.{{url}}.sslCAInfo' ~/.config/git/certs/{{host}}-ca.pem
# Check:
git ls-remote {{url}}group/project.git
