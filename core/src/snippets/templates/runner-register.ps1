# Register a runner that trusts the private CA of {{host}}.
# $env:RUNNER_TOKEN: the runner authentication token (glrt-...) from GitLab.
.\gitlab-runner.exe register `
  --non-interactive `
  --url "{{url}}" `
  --token "$env:RUNNER_TOKEN" `
  --executor "{{executor}}" `{{executor_flags}}
  --tls-ca-file "{{ca_path}}"
