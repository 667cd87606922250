# recommend: en
# The files certchain hands back (what each is for), the verdict on the chain (summary, what
# clients must trust) and the notes about the trust files (--trust).

-runner-certs-dir = /etc/gitlab-runner/certs
-runner-user-certs-dir = ~/.gitlab-runner/certs

## The files

# A trust store given back whole. $total: how many roots it has.
recommend-store-bundle = The trust store as it is: its { $total } roots, none expired or repeated. Give it to clients as their CA file.
# A trust store given back without some certificates. $dropped: how many were left out; $kept: how many roots remain.
recommend-store-bundle-cleaned = The trust store without its { $dropped } expired or repeated certificate(s): { $kept } roots, in the input's order. Give it to clients as their CA file in place of the original.

recommend-fullchain = Server chain: the leaf, then each intermediate, without the root. Use it as nginx ssl_certificate, Apache SSLCertificateFile (2.4.8+), or GitLab's /etc/gitlab/ssl/<host>.crt.
recommend-fullchain-incomplete = Server chain: the leaf and the intermediates found, in order. If the missing issuer is an intermediate, add it after the last certificate.

# What the CA files say of their root, appended to recommend-ca-bundle and recommend-runner-crt.
# $root: "public" (the chain ends at the public root $public_root, not in the file), "trusted"
# (the root is the CA given with --trust), "missing" (no root), "present" (nothing to say).
recommend-ca-root = { $root ->
        [public] {" "}The chain ends at the public root { $public_root }, which clients already trust: only clients without it need this file.
        [trusted] {" "}The root is the trusted CA you gave (--trust, or the web app's trusted private CA).
        [missing] {" "}The root CA is not in the input: Go (GitLab Runner) and curl 7.68+ with OpenSSL accept an intermediate alone as their trust anchor, but OpenSSL's own tools (openssl verify, s_client without -partial_chain) and Python's ssl module before 3.13 need the root too: add it.
       *[present] {""}
    }

# $root, $public_root: see recommend-ca-root.
recommend-ca-bundle = CA bundle: the chain's CA certificates (intermediates, then the root), what clients that must trust this CA use (curl --cacert, git http.sslCAInfo, the system trust store).{ recommend-ca-root }

# $host: the host the file is named after ("ca" when there is none); $root, $public_root: see
# recommend-ca-root; $name: "refused" when the leaf's name $leaf_name (quoted) is not a host
# name, else "host".
recommend-runner-crt = GitLab Runner CA file: save as { -runner-certs-dir }/{ $host }.crt (runner as root) or { -runner-user-certs-dir }/{ $host }.crt, or pass it with --tls-ca-file. CA certificates only, PEM.{ recommend-ca-root }{ $name ->
        [refused] {" "}The leaf's name { $leaf_name } is not a host name, so certchain does not use it in a file name: rename ca.crt to <host>.crt for the host the runner connects to, or give the host (--host).
       *[host] {""}
    }

## What clients must trust

recommend-trust-store = A trust store holds no server chain: it is the set of roots a client trusts. Give it to clients as their CA file (ca-bundle.pem), or paste a server's chain to check it against these roots.
recommend-trust-nothing = There is no chain to trust.
# $anchor: the name of the root or trust anchor the chain ends at.
recommend-trust-public-root = This chain ends at a public root ({ $anchor }): clients already trust it. If they fail, fix the server's chain, not the clients.
# $anchor: the name of the user's trust anchor the chain ends at.
recommend-trust-user-anchor = This chain ends at your trust anchor ({ $anchor }). Clients need that CA file.
# $anchor: the name of the private root the chain ends at.
recommend-trust-private-root = Private CA: this chain ends at { $anchor }, which clients do not trust by default. Clients need this CA file (ca-bundle.pem / <host>.crt).
# $anchor: the name of the missing issuer.
recommend-trust-missing-issuer = The chain stops at a certificate whose issuer "{ $anchor }" is not here and is not a known trust anchor: a missing intermediate, or a private root CA that clients need as their CA file.

## The summary

# $messages: how many error messages were recognised.
recommend-summary-messages-only = No certificate found; { $messages } error message(s) recognised and explained below. Paste the server's chain too, to learn which certificate is at fault.
recommend-summary-empty = No certificate found.
# $chain: the certificates' names from the leaf up, joined by " → ".
recommend-summary-valid = The chain is valid: { $chain }.
# $count: how many errors; $first: the first error's message (may be empty).
recommend-summary-problems = { $count } problem(s) to fix. { $first }
# $certificates: how many certificates; $roots: how many of them are roots; $expired: how many
# have expired; $expired_kind: "none" when none has, "one" for one, else "other".
recommend-summary-store = A trust store (CA bundle) of { $certificates } certificates, { $roots } of them roots.{ $expired_kind ->
        [none] {""}
        [one] {" "}{ $expired } of them has expired: the ca-bundle.pem below leaves it out.
       *[other] {" "}{ $expired } of them have expired: the ca-bundle.pem below leaves them out.
    }
