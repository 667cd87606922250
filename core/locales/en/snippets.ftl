# snippets: en
# The configuration snippets' titles and notes, the headings they are grouped under, the
# parameters' labels and the errors about parameters and targets.
# A snippet is one message: its title is the value, its notes are attributes. Words such as
# runner-config-toml or k8s-pod-security-admission are the ids of other snippets (what
# `certchain snippets --target` selects, shown with each snippet): keep them as they are.

-runner-certs-dir = /etc/gitlab-runner/certs
-runner-user-certs-dir = ~/.gitlab-runner/certs
-runner-auth-token = runner authentication token (glrt-…)
-registration-tokens-deprecated = deprecated since GitLab 15.6
-restart-services = restart long-running services
-server-sends-intermediates = the server must send its intermediates (the full chain)

## Headings of the snippet groups

snippet-group-runner = GitLab Runner
snippet-group-jobs = CI/CD jobs (.gitlab-ci.yml)
snippet-group-cluster = Kubernetes and MKE
snippet-group-servers = Servers
snippet-group-trust-stores = Trust stores
snippet-group-clients = Clients

## Parameters: labels in forms, errors for --param KEY=VALUE

snippet-param-url = GitLab URL
snippet-param-executor = Runner executor
snippet-param-os = Runner host OS
snippet-param-job-os = Job image distribution
snippet-param-namespace = Kubernetes namespace
snippet-param-secret = Secret name
snippet-param-service-account = Runner service account
snippet-param-cluster = Kubernetes distribution
snippet-param-dind = Jobs use Docker-in-Docker
snippet-param-runner-as-root = Runner runs as root

# $key: the parameter; $choices: the allowed values, comma-separated; $value: the refused value, quoted.
snippet-param-error-choice = { $key } must be one of { $choices }, not { $value }
# $value: the refused value, quoted.
snippet-param-error-url = url must be an https:// URL like https://gitlab.example.com:8443/ (host, port, path), not { $value }
# $key: the parameter; $value: the refused value, quoted.
snippet-param-error-kubernetes-name = { $key } must be a Kubernetes name (lowercase letters, digits and '-', at most 63), not { $value }
# $key: the unknown parameter, quoted; $known: the parameters, comma-separated.
snippet-param-error-unknown = unknown parameter { $key }; known: { $known }

## Targets (--target) that cannot be given

# $target: the target asked for, quoted; $targets: every target, comma-separated.
snippet-target-unknown = unknown target { $target }; the targets are { $targets }
# $target: the target asked for, quoted.
snippet-target-none-offered = target { $target } is not offered: this input gets no snippets (no chain whose clients or servers need configuring, and no error message to act on)
# $target: the target asked for, quoted; $offered: the targets offered, comma-separated.
snippet-target-not-offered = target { $target } is not offered for this input (offered: { $offered })

## GitLab Runner on a host

# $home: the home folder of the gitlab-runner user the snippets assume.
snippet-note-runner-home = Not run as root: { $home } is the home of the gitlab-runner user; use the home of the user your runner runs as.

# $file: the file's name (<host>.crt); $url: the GitLab URL.
snippet-runner-certs-dir = GitLab Runner: the CA file in its certs folder
    .named-after-host = The file is named after the host without the port: { $file }, even for { $url }.
    .ca-only-pem = It holds the CA certificate(s), not the server certificate, and only PEM: the runner cannot read DER.
    .windows = On Windows the runner does not read a certs folder when it runs as a service, and not the Windows store either: point tls-ca-file at this file (runner-config-toml).
    .elsewhere = Not as root, the runner reads { -runner-user-certs-dir }/; ./certs/ in its working folder also works.
    .runner-only = This trusts the CA for the runner's own connections to GitLab (registration, job requests). Jobs in containers need it too: see the Docker and Kubernetes snippets.

snippet-runner-config-toml = GitLab Runner: tls-ca-file in config.toml
    .merge = Merge into the existing [[runners]] entry for this URL (keep its token); the runner reloads config.toml by itself.
    .https = If the runner was set up for http://, change url to the https:// address too.

snippet-runner-register = GitLab Runner: register with --tls-ca-file
    .ca-first = Put the CA file in place first (runner-certs-dir): registration is the first connection that needs it.
    .token = RUNNER_TOKEN is the { -runner-auth-token } from GitLab: Settings → CI/CD → Runners → New project runner. Registration tokens (--registration-token) are { -registration-tokens-deprecated }.

snippet-runner-download-ca = Fetch the CA file from the server with openssl
    .pin = The one-liner of the GitLab docs (kept as a comment) saves the server's own certificate. Go, and so the runner, accepts it as a pin, but it stops working when the certificate is renewed; the CA file certchain writes keeps working.
    .root = A server sends its root only sometimes: when certchain says the root is missing, get it from your CA team, not from the network.

snippet-runner-verify = Check the CA file against the server
    .exit-codes = Anything but 0 (ok) means the runner will fail too: 20 (unable to get local issuer certificate) means the file lacks a CA or the server lacks an intermediate; 19 or 18 means the file is not the CA the server uses.
    .servername = -servername matters: without it a server with several names may send another certificate.
    .partial-chain = -partial_chain makes OpenSSL accept an intermediate in the file as the anchor, as the runner (Go) does; without it a file that holds no root gives 2 (unable to get issuer certificate).
    .partial-chain-macos = macOS's openssl (LibreSSL) has no -partial_chain: with a file that holds no root it says 2 (unable to get issuer certificate) although the runner (Go) accepts the file.

## GitLab Runner's Docker executor

# $file: the runner's CA file (<host>.crt).
# $home: the home folder of the gitlab-runner user the snippet assumes.
snippet-runner-docker-volumes = Docker executor: the CA in every job container
    .helper-image = The helper image (git clone, artifacts, cache) installs the mapped ca.crt by itself. Your job image does not: add runner-docker-pre-build, or install it in the job.
    .one-file = The file mapped is the runner's own CA file: one file to renew.
    .absolute-path = Docker needs an absolute path: replace { $home } with the home of the user the runner runs as.
    .windows-folder = Windows maps a folder: copy { $file } to C:\GitLab-Runner\certs\ca.crt, the name the helper image looks for.
    .windows-import = pre_build_script installs certificates on Linux images only: on Windows images import it in the job (Import-Certificate).

# $distro: the job image's distribution (Debian/Ubuntu, Alpine, RHEL/Fedora).
snippet-runner-docker-pre-build = Docker executor: install the CA in the { $distro } job image
    .every-job = Runs before every job, so tools in the job (curl, wget, a second git clone, package managers) trust the CA. It needs the volume of runner-docker-volumes.
    .per-image = The commands depend on the image: pick the job image distribution in the parameters. Faster: bake the CA into your own job image.

## GitLab Runner's Kubernetes executor and Helm chart

snippet-runner-k8s-secret = Kubernetes: the CA as a Secret
    .renewal = create --dry-run piped to apply also updates the Secret when the CA is renewed.
    .namespace = The Secret must be in the namespace the job pods run in.

snippet-runner-k8s-volume = Kubernetes executor: mount the CA Secret in job pods
    .mount-path = mount_path is a folder: the Secret's key ca.crt appears as { -runner-certs-dir }/ca.crt in the pod.
    .helm = With the Helm chart this block goes in runners.config of values.yaml (runner-helm-values has it).

snippet-runner-k8s-job-script = Kubernetes executor: install the CA in the job
    .known-issue = Known issue: with the Kubernetes executor the helper image's ENTRYPOINT does not install the mounted ca.crt into the system store, unlike with Docker, so the job has to.
    .per-image = The commands depend on the job image: pick its distribution in the parameters.

# $file: the key the Secret must have (<host>.crt).
snippet-runner-helm-values = Helm chart: values.yaml for gitlab-runner
    .token = runnerToken is the { -runner-auth-token }. Older charts and many guides use runnerRegistrationToken: registration tokens are { -registration-tokens-deprecated }.
    .certs-secret = certsSecretName needs the key named after the host without the port ({ $file }); the chart mounts it into the runner's certs folder.
    .privileged = privileged = true lets jobs run docker:dind. Clusters that guard privileged pods refuse them until allowed: see k8s-pod-security-admission, and on MKE the mke-* snippets.

## CI/CD jobs

snippet-ci-curl-ca-file = Job: curl with the runner's CA file
    .variable = CI_SERVER_TLS_CA_FILE is a file the runner writes for every job with the CA it trusts for GitLab (tls-ca-file or the certs folder). It works for any host signed by the same CA.
    .same-file = The runner uses the same file to let git clone and artifacts work: secure, with the runner as the single point of trust.

snippet-ci-git-ssl-no-verify = Job: skip git's certificate check (GIT_SSL_NO_VERIFY)
    .insecure = Insecure: anyone between the runner and GitLab can read and change the source the jobs build. Temporary only; fix trust with the runner snippets instead.
    .git-only = It affects git only: artifacts, cache, registry and the runner's own connection still fail.

snippet-ci-dind = Job: build images with Docker-in-Docker
    .privileged = docker:dind runs privileged: the runner needs privileged = true ([runners.docker] or [runners.kubernetes]).
    .kubernetes = Services share the job's pod, so the daemon listens without TLS on tcp://docker:2375 and traffic never leaves the pod.
    .docker-tls = TLS between the job and the daemon needs the client certificates shared: add "/certs/client" to volumes in [runners.docker].
    .login = Older pipelines log in with CI_BUILD_TOKEN and docker login -p, which are outdated: CI_REGISTRY_PASSWORD with --password-stdin keeps the password out of the process list.

## Privileged pods: MKE and Pod Security Admission

# $account: the runner's namespace:serviceaccount.
snippet-mke-service-account-privileges = MKE: grant privileged to the runner's service account
    .admission = MKE's own admission controller (UCPAuthorization) refuses privileged pods from accounts that are not admins, whatever PodSecurityPolicy allows. Granting "privileged" to { $account } is what lets the runner through, and nothing more.
    .not-cluster-admin = The account must not be bound to cluster-admin (MKE ignores grants to such accounts); remove mke-cluster-admin if you tried it.
    .account = The account is the one in the error: non-admin user "namespace:serviceaccount". Set the namespace and service account parameters to match.

snippet-mke-psp = MKE (Kubernetes ≤ 1.24): PodSecurityPolicy for the runner
    .not-alone = Alone, this does not pass MKE: its admission controller keeps refusing privileged pods until the service account is granted "privileged" (mke-service-account-privileges). Apply both.
    .cluster-role = A common recipe gives the policy a ClusterRole that grants every verb on every resource, which is cluster-admin under another name; this one only allows using the policy.
    .removed = PodSecurityPolicy was removed in Kubernetes 1.25: on newer clusters use k8s-pod-security-admission instead.

snippet-mke-cluster-admin = MKE: bind cluster-admin to the runner
    .dangerous = Dangerous: every job can then read every Secret and change anything in the cluster. It works because MKE lets cluster-admin start privileged pods; use mke-service-account-privileges instead.
    .remove = If you applied it to test, remove it afterwards: kubectl delete clusterrolebinding <name>.

snippet-k8s-pod-security-admission = Kubernetes 1.25+: allow privileged pods in the runner's namespace
    .replaced-psp = Pod Security Admission replaced PodSecurityPolicy (removed in Kubernetes 1.25). "privileged" is needed for docker:dind; keep the namespace for the runner's jobs only.
    .mke = On MKE its own admission controller still applies: grant "privileged" to the service account as well.

## Servers

snippet-note-public-root = This chain ends at a public root that clients already trust (GitLab Runner included): no CA file is needed on runners or clients. Serve the full chain and they connect.
# $key: the private key's file name (<host>.key).
snippet-note-server-key = { $key } stands for the server's private key (certchain never sees it): the key of the leaf certificate, readable only by root.

# $host: the GitLab host; $fullchain: the full chain file certchain wrote.
snippet-gitlab-omnibus = GitLab (Linux package): serve the full chain
    .full-chain = /etc/gitlab/ssl/{ $host }.crt must hold the full chain, leaf first ({ $fullchain }): with the leaf alone, runners and git fail with "x509: certificate signed by unknown authority" even when they trust the root.
    .letsencrypt = letsencrypt['enable'] = false keeps GitLab from replacing these files with a Let's Encrypt certificate. Remove older external_url and nginx['ssl_*'] lines from gitlab.rb to keep it readable.
    .reload = After a renewal that only replaces the files, `sudo gitlab-ctl hup nginx` is enough; a changed gitlab.rb needs `sudo gitlab-ctl reconfigure`.

# $host: the GitLab host; $ca: the CA file certchain wrote; $prefix: the start of the files the command writes.
snippet-gitlab-trusted-certs = GitLab: trust the private CA for its own connections
    .outgoing = This is for connections GitLab makes (webhooks, integrations, mirrors, its registry and Pages reaching { $host }), not for browsers or runners.
    .one-file-each = { $ca } from certchain holds the chain's CA certificates; the command writes each one to its own file ({ $prefix }1.crt, …).
    .docker = GitLab in Docker: do the same in the container's /etc/gitlab/trusted-certs/ (the mounted config volume), then reconfigure.

# $fullchain: the full chain file certchain wrote.
snippet-nginx = nginx: serve the full chain
    .copy = Copy { $fullchain } and the server's private key to /etc/nginx/ssl/, then `nginx -t && nginx -s reload`.
    .location = The block loads as is; add your location {"{"} {"}"} lines (proxy_pass to the application) inside it.

# $host: the server's host; $fullchain: the full chain file certchain wrote.
snippet-apache = Apache httpd: serve the full chain
    .save = Save { $fullchain } as /etc/ssl/certs/{ $host }.fullchain.pem, then `apachectl configtest && apachectl graceful`.
    .before-2-4-8 = Before Apache 2.4.8, SSLCertificateFile took the leaf alone and the intermediates went in SSLCertificateChainFile; 2.4.8 and later read them from SSLCertificateFile.

snippet-haproxy = HAProxy: one PEM with the chain and the key
    .order = The leaf must come first, then its intermediates in order (the full chain file has them so); the key is conventionally appended last.
    .mode = The file holds the private key: keep it mode 600, owned by root.

# $host: the server's host; $fullchain: the full chain file certchain wrote.
snippet-traefik = Traefik: serve the full chain
    .save = Save { $fullchain } as /etc/traefik/certs/{ $host }.fullchain.pem (not the CA-only <host>.crt) and put this file in the file provider's directory (providers.file.directory in the static configuration); Traefik reloads it by itself.
    .sni = Traefik picks the certificate by the name the client asks for (SNI); clients that send no name get tls.stores.default.defaultCertificate.

## Trust stores

# $ca: the CA file certchain wrote; $host: the host the runner's <host>.crt is named after.
snippet-note-ca-file = { $ca } is the CA file certchain gave: the chain's CA certificates, intermediates then the root ({ $host }.crt for GitLab Runner holds the same certificates).
# $ca: the CA file certchain wrote.
snippet-note-ca-file-without-root = { $ca } is the CA file certchain gave, but it holds only the chain's intermediates: the root CA was not in the input. Add the root certificate to it first, or clients that need a root (OpenSSL's tools, Python before 3.13, macOS, Windows) will still fail.

snippet-trust-store = System trust store: trust the private CA
    .debian = update-ca-certificates only reads PEM files whose name ends in .crt, and hashes one certificate per file: hence one file per CA certificate. Programs read the result, /etc/ssl/certs/ca-certificates.crt, when they start: { -restart-services }.
    .rhel = update-ca-trust extract rebuilds /etc/pki/tls/certs/ca-bundle.crt and the Java store from the anchors folder; programs read them when they start: { -restart-services }.
    .macos = Only the root goes into the keychain (-r trustRoot takes a self-signed certificate); { -server-sends-intermediates }. Homebrew's curl and OpenSSL do not read the keychain: give them the CA file (curl --cacert, SSL_CERT_FILE).
    .windows = Only the root goes into LocalMachine\Root; { -server-sends-intermediates }. Git for Windows (schannel), PowerShell and .NET read this store; GitLab Runner on Windows does not (use tls-ca-file).
    .nodes = A Docker host or Kubernetes node that fails to pull executor or job images from a private registry with "x509: certificate signed by unknown authority" needs exactly this: the CA in the node's system store, then restart the runtime (`sudo systemctl restart docker` or `containerd`).

snippet-trust-store-java = Java: trust the private CA (cacerts)
    .one-alias-each = keytool imports one certificate per alias and reads only the first certificate of a file: importing the CA file whole would add its first intermediate and miss the root. Each CA certificate therefore gets its own alias; with the intermediates trusted too, Java (which does not fetch missing intermediates) also accepts a server that sends only its leaf.
    .jdk8 = JDK 8: replace -cacerts with -keystore "$JAVA_HOME/jre/lib/security/cacerts" (JDK 9 and later: $JAVA_HOME/lib/security/cacerts). changeit is the default password. Restart the Java application.
    .system-store = On Debian/Ubuntu (ca-certificates-java) and RHEL, the JDK's cacerts is built from the system store: the trust-store snippet is enough there.

## Clients

# $url: the GitLab URL the setting is for.
snippet-git-sslcainfo = git: trust the private CA for this host
    .url-match = The setting applies to remotes whose URL starts with { $url }: same scheme, host and port. A remote written with another name or port for the same server does not match.
    .windows = Git for Windows uses the Windows store (schannel) and ignores sslCAInfo unless `git config --global http.sslBackend openssl`; or add the CA with the trust-store snippet.

snippet-curl-cacert = curl: verify against the private CA
    .cacert = --cacert replaces curl's default CAs for this command: it prints the HTTP status when the chain verifies, and "SSL certificate problem" when it does not.

# $registry: the registry as image names write it (host, or host:port).
snippet-docker-certs-d = Docker and containerd: trust the private CA for a registry
    .folder = The folder is named after the registry as image names write it ({ $registry }: host, and :port when it is not 443). GitLab's container registry often has its own name (registry.example.com) or port (:5050): use that, as in `docker login`.
    .ca-crt = Docker reads certs.d at each pull: no daemon restart. The file must be named ca.crt (a .cert file is a client certificate).
    .containerd = containerd reads hosts.toml only when its config.toml sets config_path = "/etc/containerd/certs.d" (under the CRI plugin's registry section); setting it needs `sudo systemctl restart containerd`, the files afterwards do not.

snippet-ca-env-vars = Environment variables: point programs at the CA file
    .replace = SSL_CERT_FILE, REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE and GIT_SSL_CAINFO REPLACE the program's default CAs: point them at a file with the system's CAs plus this CA, as built here. Only NODE_EXTRA_CA_CERTS ADDS to Node's own CAs.
    .at-start = Programs read these variables when they start: set them before starting the program (or the service's environment), and rebuild the bundle when the system's CAs change. Adding the CA to the system trust store (trust-store) is usually simpler.
    .windows-runner = On Windows, GitLab Runner reads neither these variables nor the system store (so its documentation says): give it the CA with tls-ca-file (runner-config-toml).
