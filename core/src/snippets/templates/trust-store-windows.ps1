# Windows: trust the root CA of {{comment:host}} for the whole machine (run as Administrator).
# Import-Certificate reads one certificate: {{comment:ca_name}} lists the root last, so take the last one.
$pem = Get-Content -Raw -Path {{ps:ca_file}}
$certs = [regex]::Matches($pem, '-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----')
$root = Join-Path $env:TEMP {{ps:root_file}}
Set-Content -Path $root -Value $certs[$certs.Count - 1].Value -Encoding ascii
Import-Certificate -FilePath $root -CertStoreLocation Cert:\LocalMachine\Root
# The same with certutil (cmd.exe as Administrator): certutil -addstore -f Root "%TEMP%\{{word:root_file}}"
