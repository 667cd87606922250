# Register a runner that trusts the private CA of {{comment:host}}.
# $env:RUNNER_TOKEN: the runner authentication token (glrt-...) from GitLab.
.\gitlab-runner.exe register `
  --non-interactive `
  --url {{ps:url}} `
  --token "$env:RUNNER_TOKEN" `
  --executor {{ps:executor}} `{{code:executor_flags}}
  --tls-ca-file {{ps:ca_path}}
