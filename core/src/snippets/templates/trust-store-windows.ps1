# Windows: trust the root CA of {{host}} for the whole machine (run as Administrator).
# Import-Certificate reads one certificate: {{ca_file}} lists the root last, so take the last one.
$pem = Get-Content -Raw -Path '.\{{ca_file}}'
$certs = [regex]::Matches($pem, '-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----')
$root = Join-Path $env:TEMP '{{host}}-root.crt'
Set-Content -Path $root -Value $certs[$certs.Count - 1].Value -Encoding ascii
Import-Certificate -FilePath $root -CertStoreLocation Cert:\LocalMachine\Root
# The same with certutil (cmd.exe as Administrator): certutil -addstore -f Root "%TEMP%\{{host}}-root.crt"
