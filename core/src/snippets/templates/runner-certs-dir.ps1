# Put the CA file where GitLab Runner looks for it: named after the host without
# the port, holding the CA certificate(s) as PEM.
New-Item -ItemType Directory -Force -Path 'C:\GitLab-Runner\certs' | Out-Null
Copy-Item -Path {{ps:source}} -Destination {{ps:dest}}
# The runner reads the file at each connection; restart it when you replace a CA.
Restart-Service gitlab-runner
