# curl: verify {{host}} against the private CA (this command only).
curl --cacert {{ca_file}} -sS -o /dev/null -w '%{http_code}\n' {{url}}
