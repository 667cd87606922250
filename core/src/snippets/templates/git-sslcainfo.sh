# git: trust the private CA for {{comment:url}} only (the URL must match the remote's).
mkdir -p ~/.config/git/certs
cp {{sh:ca_file}} {{path:copy}}
git config --global {{sh:setting}} {{path:copy}}
# Check:
git ls-remote {{sh:remote}}
