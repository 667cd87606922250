# Alpine: add the private CA of {{comment:host}} to the system trust store (as root).
# update-ca-certificates reads PEM files named *.crt, one certificate per file.
apk add --no-cache ca-certificates
mkdir -p /usr/local/share/ca-certificates
{{code:split}}
update-ca-certificates
