# explain: en
#
# Error messages found in logs, explained against the report: what a message means, what
# caused it (read from the certificates pasted with it), and the fix. Certificates are named
# by their label, `#1 "R3"`; commands and paths are quoted as the user types them.

-runner-certs-dir = /etc/gitlab-runner/certs

## What the report says about a message (cause.rs), shared by every family.

explain-no-chain-cause = No certificate was pasted with the log, so certchain cannot tell which certificate is at fault.
# $command: the openssl s_client command that prints the chain.
# $port: "given" when the log names the port (the command uses it), else "default".
explain-no-chain-fix = Get the chain the server sends, from the machine that fails: `{ $command }`{ $port ->
        [given] {""}
       *[default] {" "}(use the port of the URL if it is not 443)
    }, and paste its output together with the log.

explain-without-showcerts-cause = The client could not find the issuer of the last certificate the server sent, but this s_client output was captured without -showcerts and holds only the first one: which CA is missing cannot be told from it. Most often it is your private root CA, missing from the client's trust store.
# $command: the openssl s_client -showcerts command.
explain-without-showcerts-fix = Capture again with `{ $command }` and paste the whole output: certchain then names the missing CA and makes the CA file for the client.

# $issuer: the missing intermediate's name; $label: the certificate it issued.
explain-missing-intermediate-cause = The server does not send the intermediate "{ $issuer }", the issuer of { $label }: clients that do not already hold it cannot build the chain.
explain-missing-intermediate-fix = Fix the server, not the clients: configure it with the leaf followed by its intermediates (the fullchain.pem of this report), then reload it.

# $anchor: the private CA (a label, or a quoted name); $client: the program that printed the
# message.
explain-private-ca-cause = The server's chain ends at the private CA { $anchor }; { $client ->
        [runner] GitLab Runner
        [registry] the Docker host or Kubernetes node that pulls the image
        [git] git
        [curl] curl
        [java] the Java runtime
        [python] Python
        [node] Node.js
       *[openssl] the client
    } does not trust it.
# How each client is given a CA file, then which file of the report that is.
explain-private-ca-fix = { $client ->
        [runner] Put the CA file at { -runner-certs-dir }/<host>.crt (PEM), or set tls-ca-file in the [[runners]] section of config.toml, then restart the runner (gitlab-runner restart), as the runner docs say after a certificate change.
        [registry] Add the CA to the trust store of every Docker host or Kubernetes node that pulls images (/etc/docker/certs.d/<registry>/ca.crt for Docker, the system trust store plus a restart of containerd for Kubernetes). The runner's tls-ca-file and certs directory do not apply to image pulls.
        [git] Give git the CA file: `git config --global http.sslCAInfo /path/ca.crt`, or install it in the trust store of the job image before the clone.
        [curl] Give curl the CA file (`curl --cacert /path/ca.crt`), or install it in the system trust store (update-ca-certificates).
        [java] Import the CA into the truststore of the JVM that runs the program (`keytool -importcert -cacerts -alias my-ca -file ca.crt`).
        [python] Point Python at the CA file (SSL_CERT_FILE, or REQUESTS_CA_BUNDLE for requests), or install it in the system trust store.
        [node] Start Node.js with NODE_EXTRA_CA_CERTS=/path/ca.crt (it adds the CA to Node's built-in roots).
       *[openssl] Install the CA file in the client's trust store (update-ca-certificates), or pass it explicitly (`-CAfile`, `--cacert`).
    } The CA file is the ca-bundle.pem / <host>.crt of this report (CA certificates only, never the server certificate).

# $anchor: the public root's name.
explain-public-chain-cause = The chain pasted is fine: it ends at the public root "{ $anchor }". Either the client's trust store is out of date, or a TLS-intercepting proxy replaced the certificate on the way.
# $command: prints the SHA-256 of the certificate the client receives; $sha: the leaf's SHA-256.
explain-public-chain-fix = On the failing machine run `{ $command }` and compare with the leaf's SHA-256 here ({ $sha }). Different: a proxy intercepts TLS, and its CA must be trusted. The same: update the client's CA certificates package.

# $summary: the report's summary.
explain-chain-problems-cause = The chain itself has problems: { $summary }
explain-chain-problems-fix = Fix the findings listed in this report, most severe first.

## Go's crypto/x509 (go_x509.rs): GitLab Runner, Docker, kubectl, Helm.

explain-go-unknown-authority-meaning = The Go client (GitLab Runner, Docker, kubectl, Helm) could not link the server's certificate to any CA it trusts.
explain-go-registry-meaning = Pulling the job image failed: the Docker host or Kubernetes node that pulls it does not trust the registry's certificate. This is not the runner's own configuration (tls-ca-file, certs directory): the container runtime verifies image pulls with its host's trust store.

# $name: the CA's name Go tried; $hint: Go's reason, as it printed it.
explain-go-wrong-key-meaning = The client holds a CA named "{ $name }", but the server's certificate was not signed by its key ("{ $hint }").
# $pasted: "some" when CAs of that name are in the report ($labels), else "none".
explain-go-wrong-key-cause = Two different CAs share the name "{ $name }": the client's CA file is outdated or comes from another installation (a re-created Kubernetes cluster, a re-issued private CA).{ $pasted ->
        [some] {" "}The CA pasted here under that name is { $labels }.
       *[none] {""}
    }
explain-go-wrong-key-fix = Replace the client's copy of this CA with the current one (the ca-bundle.pem / <host>.crt of a report of the server's chain). For kubectl, copy the cluster's current admin.conf to ~/.kube/config.

# $wanted: the name the client connected to.
explain-go-hostname-meaning = The certificate the server sent is not valid for "{ $wanted }", the name the client connected to.
# $leaf: the leaf pasted; $names: the names of the certificate the server sent, per the message.
explain-go-hostname-other-certificate-cause = { $leaf } pasted here is valid for "{ $wanted }", so the server sent another certificate (one valid for { $names }): a default virtual host, a wrong SNI setting or a proxy in front.
explain-go-hostname-other-certificate-fix = Configure the server (or proxy) that answers for "{ $wanted }" with this certificate and its chain.
# $who: "leaf" when the leaf was pasted ($leaf: its label), else "server".
explain-go-no-san-cause = { $who ->
        [leaf] { $leaf }
       *[server] The server's certificate
    } carries no subjectAltName at all.
# $san: DNS or IP.
explain-go-reissue-fix = Reissue the certificate with subjectAltName { $san }:{ $wanted }.
explain-go-other-names-cause = { $who ->
        [leaf] { $leaf }
       *[server] The server's certificate
    } is valid for { $names }, not for "{ $wanted }".
explain-go-other-names-fix = Connect with one of its names ({ $names }): change the URL the client uses (e.g. url / clone_url in the runner's config.toml). Or reissue the certificate with subjectAltName { $san }:{ $wanted }.

# $current: the client's time; $bound: the certificate's start (both as Go printed them).
explain-go-not-yet-valid-meaning = By the client's clock ({ $current }) a certificate of the chain is not valid yet: it starts at { $bound }.
# $found: "some" when certificates of the report start then or later ($labels), else "none".
explain-go-not-yet-valid-cause = The client's clock is behind, or the certificate{ $found ->
        [some] {" "}({ $labels })
       *[none] {""}
    } was issued with a start in the future.
explain-go-not-yet-valid-fix = Check the client's clock and time zone (`timedatectl`, NTP/chrony). If the clock is right, reissue the certificate with a start date in the past.

# $clock: "known" when the message gives the client's time ($current), else "unknown".
explain-go-expired-meaning = By the client's clock{ $clock ->
        [known] {" "}({ $current })
       *[unknown] {""}
    } a certificate of the chain has expired.
# $now: the report's time.
explain-go-none-expired-cause = None of the certificates pasted has expired as of { $now }: the server still sends an older certificate, or the client's clock is wrong.
explain-go-none-expired-fix = Check which certificate the server really sends (openssl s_client -showcerts) and reload the server after installing the new one; check the client's clock.
# $labels: the expired certificates; $end: the first one's notAfter.
explain-go-expired-cause = { $labels } expired (notAfter { $end }).
explain-go-expired-fix = Renew the expired certificate and install it with its chain on the server (for an expired intermediate or root, get the current one from the CA and replace it in the chain file and in the clients' CA files).

explain-go-common-name-meaning = Go 1.15 and later ignore the Common Name: the host name must be in the subjectAltName extension (RFC 6125 §6.4.4).
explain-go-common-name-only-cause = { $leaf } has a Common Name but no subjectAltName.
explain-go-common-name-other-certificate-cause = { $leaf } pasted here has subjectAltNames, so the server sends another certificate, one without them.
explain-go-common-name-server-cause = The server's certificate names its host only in the Common Name, without subjectAltName.
# $host: the host the client connects to (or <host>).
explain-go-common-name-fix = Reissue the certificate with subjectAltName DNS:{ $host } (e.g. `openssl req ... -addext "subjectAltName=DNS:{ $host }"`) and install it on the server. GODEBUG=x509ignoreCN=0 only worked up to Go 1.16.

## OpenSSL's verify errors (openssl.rs), also quoted by curl, git, Python and Node.js.

explain-openssl-local-issuer-meaning = The client could not find the issuer of the last certificate the server sent, neither in what the server sent nor in its own trust store.
explain-openssl-self-signed-in-chain-meaning = The chain ends at a self-signed root that the client does not trust: a private CA, or the CA of a TLS-intercepting proxy.
explain-openssl-self-signed-meaning = The server's certificate is self-signed: it is its own issuer, and the client does not trust it.
explain-openssl-self-signed-cause = { $leaf } is self-signed and no CA stands behind it.
explain-openssl-self-signed-fix = Better: issue the server certificate from a CA (a private CA is fine) and give clients that CA. Meanwhile clients can trust this very certificate as their CA file (it is its own CA); it must then be replaced everywhere when it is renewed.
explain-openssl-first-certificate-meaning = The client could not verify the server's certificate itself: its issuer was neither sent by the server nor in the client's trust store. Most often the server sends its certificate without the intermediate.

## git and curl (git_curl.rs).

# $text: curl's reason, as printed; $meaning: what that OpenSSL reason means.
explain-curl-refused-known = curl (also inside git) refused the server's certificate: "{ $text }". { $meaning }
explain-curl-refused = curl (also inside git) refused the server's certificate: "{ $text }".
explain-gnutls-no-ca-file-meaning = git (libcurl with GnuTLS) had no CA file at all (CAfile: none): the ca-certificates package is missing in this image or host.
# $ca_file: the CA file GnuTLS used.
explain-gnutls-meaning = git (libcurl with GnuTLS) checked the server's chain against { $ca_file } and found no CA in it that issued the chain.
# $fix: the fix for git; then how to add the CA to the system's CA file.
explain-gnutls-fix = { $fix } Or add the CA to { $ca_file }'s source: copy it to /usr/local/share/ca-certificates/ and run update-ca-certificates (never edit { $ca_file } by hand: it is regenerated).

## GitLab Runner's own messages (runner.rs).

# $file: the CA file the runner could not read.
explain-runner-no-pem-meaning = GitLab Runner found no PEM certificate in { $file }: it ignores the file and verifies with the system trust store only, so requests to GitLab then fail with "x509: certificate signed by unknown authority".
explain-runner-no-pem-cause = { $file } is not PEM: most often a DER (binary) certificate saved as .crt, or a file holding something else (a private key, a PKCS#12/.pfx, an HTML page, an empty file).
# $ca: "report" when this report made the runner's CA file ($name), else "paste" ($host: the
# host, for the file name).
explain-runner-no-pem-fix = Convert a DER certificate: `openssl x509 -inform DER -in { $file } -outform PEM -out { $file }.pem`, then replace the file with it (it must start with -----BEGIN CERTIFICATE-----).{ $ca ->
        [report] {" "}Or use the { $name } of this report: PEM, CA certificates only.
       *[paste] {" "}Or paste the chain here and use the { $host }.crt certchain makes from it.
    }

## Mirantis Kubernetes Engine (mke.rs).

# $attrs: the attributes refused, e.g. privileged.
explain-mke-meaning = MKE's admission controller (UCPAuthorization) refused to create a pod with [{ $attrs }]: only MKE admins and accounts bound to cluster-admin may, unless an MKE admin grants the attribute to the account. This is not a Kubernetes RBAC or PodSecurityPolicy error.
# $account, $namespace: the runner's service account; $pod: the pod's own service account.
explain-mke-cause = The service account "{ $account }" in namespace "{ $namespace }" (the runner, which creates the job pods; the pod's own service account is { $pod }) is not allowed the { $attrs } attribute. Jobs that use Docker-in-Docker need privileged pods.
explain-mke-fix = Least privilege: as an MKE admin, open admin → Admin Settings → Orchestration, add "{ $namespace }:{ $account }" under "Service account privileges" and tick "{ $attrs }" (MKE 3.4.2+); keep a PodSecurityPolicy with a ClusterRole and ClusterRoleBinding that let { $namespace }:{ $account } use it. A PSP alone does not pass UCPAuthorization. Binding cluster-admin to the account also works but gives it the whole cluster: avoid it.

## Python, Java and Node.js (runtimes.rs).

explain-python-meaning = Python's ssl module could not verify the server's certificate chain.
explain-java-meaning = Java found no path from the server's certificate to a CA in its truststore (cacerts). Java does not use the system trust store unless the distribution links it.

## Notes on the scan (mod.rs). The report's notes are in English only for now.

# $count: lines that repeat a message already listed.
explain-note-repeated = error messages: { $count } repeated line(s) listed once, at their first line
# $max: how many messages are explained; $count: how many more were found.
explain-note-cut = error messages: the first { $max } are explained; { $count } more were not listed
