# Put the CA file where GitLab Runner looks for it: the file is named after the
# host without the port, and holds the CA certificate(s), PEM.
New-Item -ItemType Directory -Force -Path 'C:\GitLab-Runner\certs' | Out-Null
Copy-Item -Path '.\{{file}}' -Destination 'C:\GitLab-Runner\certs\{{file}}'
