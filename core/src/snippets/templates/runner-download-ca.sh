# 1. Save everything {{comment:connect}} sends, and let certchain pick the CA file out of it.
openssl s_client -showcerts -connect {{sh:connect}} -servername {{sh:host}} </dev/null 2>/dev/null > {{sh:capture}}
certchain analyze {{sh:capture}} --host {{sh:url}} --out .
# certchain writes {{comment:file}} (the CA certificates) when the chain ends at a private CA;
# if it says the root is missing, add your CA's root with --trust root.pem.

# 2. The GitLab docs' one-liner: it saves only the FIRST certificate, the server's own.
# openssl s_client -showcerts -connect {{sh:connect}} -servername {{sh:host}} < /dev/null 2>/dev/null | openssl x509 -outform PEM > {{path:dest}}
