# curl: verify {{comment:host}} against the private CA (this command only).
curl --cacert {{sh:ca_file}} -sS -o /dev/null -w '%{http_code}\n' {{sh:url}}
