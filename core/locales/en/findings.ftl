# findings: en
#
# A finding's message is keyed by its code (Code::as_str, the JSON's "code"), its fix is the
# attribute .fix; both get the same arguments. A code with several messages has ids
# code-variant. Arguments common to most findings:
#   $label   a certificate as the report names it: #1 "R3"
#   $issuer  a certificate's issuer name, as in the certificate

-runner-certs-dir = /etc/gitlab-runner/certs

## The input itself (diagnose/input.rs)

# A place in the input. $at: line, binary, file-line or file-binary; $line: the line
# number; $file: the file's number (from 2: the first file is not numbered).
findings-place = { $at ->
        [line] line { $line }
        [file-line] file { $file }, line { $line }
        [file-binary] file { $file }, binary input
       *[binary] binary input
    }

# $about: note (the reader said why: $hint, a sentence) or none.
no_certificates = { $about ->
        [note] No certificate was found in the input. { $hint }
       *[none] No certificate was found in the input.
    }
    .fix = Paste PEM text (-----BEGIN CERTIFICATE-----), the output of `openssl s_client -showcerts -connect HOST:443`, or open a .crt/.der/.p7b file.

# $file: the file's number, or none (one file); $detail: what is wrong, naming the block and its line.
malformed_pem = { $file ->
        [none] Broken PEM: { $detail }.
       *[other] Broken PEM in file { $file }: { $detail }.
    }
    .fix = Copy the block again in full, from -----BEGIN to -----END, without changing its lines.

# $place: see findings-place; $detail: why; $others: analysed (certificates were read besides it) or alone.
unparsable_block = { $others ->
        [analysed] The block at { $place } is not a certificate that can be read: { $detail }. The other blocks were analysed.
       *[alone] The block at { $place } is not a certificate that can be read: { $detail }.
    }
    .fix = Check that this block is a certificate (not a key, CSR or CRL) and that it was copied in full.
# $why: the certificate parser's own words (x509-parser), in English.
unparsable_block-der = { $why }

# $list: each key's kind and place, as "RSA PRIVATE KEY (line 3)".
private_key_in_bundle = The input contains a private key: { $list }. certchain removed it and shows it nowhere, but a key that was pasted or mailed should be treated as exposed.
    .fix = Keep keys out of certificate bundles (the key goes in its own file with mode 0600). If the key left its server, generate a new key and reissue the certificate.

# $why: what was found in the trust input instead (no_trusted_certificate-reasons), or nothing.
no_trusted_certificate = The trusted CA you gave (--trust, or the web app's trusted private CA) holds no certificate{ $why }, so nothing is trusted and no chain can be valid.
    .fix = Give the CA's certificate, PEM (-----BEGIN CERTIFICATE-----) or DER: not a private key, a CSR or the server's own certificate.

# $reasons: what kept certificates out, joined by no_trusted_certificate-and.
no_trusted_certificate-reasons = {" "}({ $reasons })
no_trusted_certificate-and = {"; "}

# $held: certificates in the capture; $sent: certificates the server sent; $verify: said
# (OpenSSL printed $verify_code and $verify_text) or none.
s_client_leaf_only = { $verify ->
        [said] This s_client output has { $held } certificate(s), but the server sent { $sent } (see its "Certificate chain" list): it was captured without -showcerts, so the intermediates are not here. OpenSSL said: Verify return code { $verify_code } ({ $verify_text }).
       *[none] This s_client output has { $held } certificate(s), but the server sent { $sent } (see its "Certificate chain" list): it was captured without -showcerts, so the intermediates are not here.
    }
    .fix = Run it again with -showcerts: `openssl s_client -showcerts -connect HOST:PORT -servername HOST < /dev/null` and paste the whole output.

## Bounds the analysis reached (diagnose/bounds.rs, diagnose/cap.rs)

# $size, $limit: bytes, also as $size_mib and $limit_mib ("1.5 MiB").
input_too_large = The input is { $size_mib } ({ $size } bytes); certchain reads the first { $limit_mib } and did not read the rest.
    .fix = Paste only the chain (leaf and intermediates), or split a large trust store into files under the limit.

too_many_certificates = The input holds more than { $limit } certificates: the first { $limit } were analysed and { $skipped } more were not read.
    .fix = A server chain is a few certificates: paste the leaf and its intermediates only.

certificate_too_large = { $count } certificate(s) larger than { $limit } bytes were not read (the largest is { $largest } bytes); real certificates are a few KB.
    .fix = Check that the block is one certificate and not another file pasted inside it.

# $bounds: the bounds reached, each a path_search_truncated-bound, joined by ", ".
path_search_truncated = The input has so many interlinked certificates that certchain stopped searching paths at its bounds ({ $bounds }); the best path shown is the best one found.
    .fix = Send only the leaf and the intermediates of one chain.
# One bound of the path search: $bound is steps, depth, paths or signatures; $limit its figure.
path_search_truncated-bound = { $bound ->
        [steps] after visiting { $limit } certificates
        [depth] at { $limit } certificates per path
        [paths] after finding { $limit } paths from one certificate
       *[signatures] after { $limit } signature checks
    }

paths_not_all_listed = { $found } paths were found; the report lists the best { $limit }.
    .fix = Nothing to fix if the best path is the one you expect; otherwise send fewer cross-signed CAs.

# The findings of one code past the first $limit: $more of them, of code $code.
findings-more-not-listed = … and { $more } more { $code } finding(s), not listed: certchain lists the first { $limit } of each kind.
    .fix = Fix the ones listed, then analyse again: the rest are usually the same problem.

## What issuing certificates must allow, and the leaf (diagnose/constraints.rs)

# $basic_constraints: false (basicConstraints CA:FALSE) or absent (no such extension).
intermediate_not_ca = { $basic_constraints ->
        [false] { $label } signs another certificate of the chain but is not a CA (basicConstraints CA:FALSE); clients reject the chain.
       *[absent] { $label } signs another certificate of the chain but is not a CA (no basicConstraints extension); clients reject the chain.
    }
    .fix = Reissue this intermediate with basicConstraints critical, CA:TRUE (or use the right intermediate certificate).

key_usage_no_cert_sign = { $label } signs certificates but its keyUsage does not include keyCertSign.
    .fix = Reissue the CA certificate with keyUsage critical, keyCertSign, cRLSign.

# $limit: the CA's pathlen; $below: intermediate CAs below it.
pathlen_exceeded = { $label } allows at most { $limit } intermediate CA(s) below it (pathlen:{ $limit }), but the chain has { $below }.
    .fix = Issue the server certificate from a CA lower in the hierarchy, or reissue this CA with a larger pathlen.

# $role: leaf (the server certificate) or issuer (a CA of the chain); $list: its extendedKeyUsage.
eku_no_server_auth = { $role ->
        [leaf] { $label } is not allowed for TLS servers: its extendedKeyUsage is { $list }, without serverAuth.
       *[issuer] { $label } restricts the certificates below it to other purposes than TLS servers: its extendedKeyUsage is { $list }, without serverAuth.
    }
    .fix = Reissue it with extendedKeyUsage serverAuth (TLS Web Server Authentication).
# The trust anchor's own: $named is its label, or its subject in quotes when it is not in the input.
eku_no_server_auth-anchor = The trust anchor { $named } limits its certificates to other purposes than TLS servers: its extendedKeyUsage is { $list }, without serverAuth. RFC 5280 lets a verifier ignore an anchor's extensions, but Go (GitLab Runner) and OpenSSL apply it and reject this chain.
    .fix = Use a root CA whose extendedKeyUsage includes serverAuth, or none at all (as most roots have), and issue the server chain under it.

self_signed_leaf = { $label } is self-signed: no CA vouches for it, so every client must trust this exact certificate.
    .fix = Give clients this certificate as their CA file (GitLab Runner: { -runner-certs-dir }/<host>.crt or --tls-ca-file), or better, issue the server certificate from a private CA and distribute the CA.

leaf_is_ca = { $label } is a server certificate but has basicConstraints CA:TRUE (the default of `openssl req -x509`). Strict clients (rustls/webpki) reject a CA certificate used as a server certificate.
    .fix = Reissue it with `-addext basicConstraints=critical,CA:FALSE` (and keep a separate CA for signing).

## Algorithms and keys (diagnose/crypto.rs)

# $alg: the signature algorithm.
weak_signature = { $label } is signed with { $alg }: MD5 and SHA-1 signatures can be forged, and Go 1.18+, browsers and OpenSSL at security level 1+ reject them.
    .fix = Reissue the certificate with SHA-256 (or stronger).

# $bits and $alg (RSA, EC, DSA): the key; $minimum: the bits required; $min_rsa: the RSA minimum.
weak_key = { $label } has a { $bits }-bit { $alg } key; at least { $minimum } bits are required.
    .fix = Generate a new key (RSA { $min_rsa }+ or ECDSA P-256) and reissue the certificate.
# An RSA public exponent: $exponent is large (over 64 bits: $bits) or invalid (even, or below 3).
weak_key-exponent = { $exponent ->
        [large] { $label } has an RSA key that cannot be used: its public exponent has { $bits } bits (real keys use 65537; certchain does not compute with exponents over 64 bits, and Go refuses them over 31).
       *[invalid] { $label } has an RSA key that cannot be used: its public exponent is even or below 3, which RFC 8017 §3.1 forbids.
    }
    .fix = Generate a new key with the usual exponent 65537 and reissue the certificate; do not trust a certificate whose key was built like this.

## Extensions (diagnose/extensions.rs)

# $oids: the extensions' OIDs.
unknown_critical_extension = { $label } has a critical extension clients do not understand ({ $oids }); they must reject it.
    .fix = Reissue the certificate without that extension, or mark it non-critical.

duplicate_extension = { $label } has the same extension more than once ({ $oids }); clients such as Go refuse to read it.
    .fix = Reissue the certificate with each extension once.

# $why: what is malformed, in English (from certchain's certificate reader), joined by "; ".
malformed_extension = { $label } has a malformed extension: { $why }. OpenSSL (curl, git, Python) rejects the certificate as invalid; Go skips a name it does not know but refuses an extension it cannot parse.
    .fix = Reissue the certificate with subjectAltName entries of the defined types only (DNS names and IP addresses for a TLS server).

## Names (diagnose/hidden.rs, diagnose/hostname.rs, diagnose/pinned.rs)

# $label: escaped; $name: the name, quoted, its hidden characters escaped as \u{"{"}…{"}"}.
hidden_characters_in_name = { $label } has a name with control or invisible formatting characters: { $name }. Shown as it is, it reads as another name or prints a line of its own; certchain shows those characters as \u{"{"}…{"}"} escapes.
    .fix = Do not trust what this name appears to say. A CA that issues names like this is broken or hostile: find out who made this certificate before using it anywhere.

# $host: the host clients connect to; $names: the leaf's DNS names and addresses; $entry:
# ip or dns, the kind of subjectAltName entry the host needs.
hostname_mismatch = { $label } is not valid for "{ $host }": its names are { $names }.
    .fix = { $entry ->
        [ip] Connect with a name the certificate has, or reissue it with subjectAltName IP:{ $host }.
       *[dns] Connect with a name the certificate has, or reissue it with subjectAltName DNS:{ $host }.
    }
# $names when the certificate has none.
hostname_mismatch-no-names = none

# $cn: the subject's common name; $host: the host to put in the SAN.
cn_without_san = { $label } has no subjectAltName: its name is only in the CN ("{ $cn }"), which Go (GitLab Runner, Docker), Chrome and most clients ignore ("x509: certificate relies on legacy Common Name field").
    .fix = Reissue the certificate with a SAN, e.g. `openssl req ... -addext "subjectAltName=DNS:{ $host }"`.

trusted_server_certificate = { $label } is itself your trust anchor: the server certificate is pinned, not the CA that issued it ("{ $issuer }").
    .fix = GitLab Runner (Go) accepts the pin only until the certificate is renewed, and clients such as openssl verify and Python before 3.13 refuse it. Trust the CA instead: give clients its certificate (the issuer named above, and its root), not the server's. A CA file saved with `openssl s_client | openssl x509` holds only the server certificate: save the CA certificates from `-showcerts` instead, or use the files certchain makes once the CA is pasted or given with --trust.

## Name constraints (diagnose/names.rs)

# $subject: the certificate (its label), or name_constraint_violation-chain; $ca: the
# constraining CA (its label, name_constraint_violation-anchor or -itself); $why: name_constraint_violation-why.
name_constraint_violation = { $subject } breaks the name constraints of { $ca }: { $why }. Clients reject the chain.
    .fix = Issue the certificate only for names the CA is allowed to certify, or use a CA without these constraints.
name_constraint_violation-chain = the chain
name_constraint_violation-itself = itself
# $subject: the anchor's subject name.
name_constraint_violation-anchor = the trust anchor "{ $subject }"
# $why: leaf (a leaf with name constraints), malformed ($detail: why, in English), too-many
# ($names names against $subtrees subtrees over $limit comparisons), excluded, outside or
# unparsable ($name: name_constraint_violation-name).
name_constraint_violation-why = { $why ->
        [leaf] name constraints are only allowed in CA certificates
        [malformed] its name constraints are malformed: { $detail }
        [too-many] checking its { $names } names against { $subtrees } subtrees exceeds the limit of { $limit } comparisons
        [excluded] { $name } is in an excluded subtree
        [outside] { $name } is outside the permitted subtrees
       *[unparsable] { $name } cannot be parsed (an empty label, a final dot, a missing '@' or a character outside printable ASCII), and Go rejects any name-constrained chain that holds it
    }
# A name of a certificate: $form is dns, ip, email, uri, dir (the subject) or other (a form named by $value).
name_constraint_violation-name = { $form ->
        [dns] DNS name "{ $value }"
        [ip] IP address { $value }
        [email] e-mail "{ $value }"
        [uri] URI "{ $value }"
        [dir] the subject name
       *[other] a name of form { $value }
    }

## The shape of the input (diagnose/order.rs)

# $came: the chain's certificates in input order ("#0, #1, #2"); $should: the right order
# ("#0 → #2 → #1"); $leaf: first (the leaf comes first) or not-first.
wrong_order = { $leaf ->
        [first] The chain is out of order: the certificates came as { $came }; the order should be { $should } (leaf first, then each issuer). Most clients still cope, but strict ones (and RFC 5246) need each certificate followed by its issuer.
       *[not-first] The chain is out of order: the certificates came as { $came }; the order should be { $should } (leaf first, then each issuer). The server certificate is not first: servers such as nginx then pair the key with the wrong certificate ("key values mismatch"), and clients see the wrong certificate.
    }
    .fix = Use the fullchain file certchain made: it has the right order.

root_included = The root { $label } is in the chain. Servers need not send it: clients must already trust it, and sending it does not make them trust it.
    .fix = Serve the fullchain file (leaf and intermediates, no root); give the root to clients as a CA file.

# $count: how many copies.
duplicate_certificate = { $label } appears { $count } times in the input.
    .fix = Keep one copy: use the files certchain made.

unrelated_certificate = { $label } is not part of the server certificate's chain (it issued nothing here and did not issue the chain's certificates).
    .fix = Remove it from the server's chain file; if clients need it, put it in their CA file instead.

# $count: how many leaves; $all: their labels; $chosen: the one analysed.
multiple_leaves = The input has { $count } server (end-entity) certificates: { $all }. A server sends one; certchain analysed { $chosen }.
    .fix = Keep only the certificate that matches the server's private key (check with --host), followed by its intermediates.

# $count: how many certificates the CA appears as; $issuers: their issuers, joined by " / ".
cross_signed = { $label } is cross-signed: the same CA appears as { $count } certificates, issued by { $issuers }. Clients pick whichever path they trust.
    .fix = Nothing to do unless old clients fail: then serve the path that ends at a root they have.

## Validity (diagnose/validity.rs, and diagnose/store.rs for the roots of a trust store)

# $date: the date (YYYY-MM-DD); $days: days since or until then.
expired = { $label } expired on { $date } ({ $days } days ago).
    .fix = Renew it and install the new certificate (and its new chain) on the server.
expired-store = { $label } in this trust store expired on { $date } ({ $days } days ago).
    .fix = OpenSSL and Go no longer accept a chain that ends at it; servers whose chain does must move to a chain under a current root. Use the ca-bundle.pem certchain gives, which leaves it out; updating the package that ships the store (ca-certificates) removes only the roots Mozilla has removed, so an expired root may stay in it.

not_yet_valid = { $label } is not valid before { $date } (in { $days } days).
    .fix = Check the clocks of the server and the clients (NTP), or wait until the certificate becomes valid.
not_yet_valid-store = { $label } in this trust store is not valid before { $date }.
    .fix = Chains that end at it fail until then; check the clock of the machine that reads this store (NTP).

expires_soon = { $label } expires on { $date } (in { $days } days).
    .fix = Renew it now, before clients start failing.
expires_soon-store = { $label } in this trust store expires on { $date } (in { $days } days).
    .fix = Servers whose chain ends at this root stop working for OpenSSL and Go clients then: move them to a chain under another root before that date.

## Where the path ends (diagnose/trust.rs)

-capture-sent-more = The server sent more certificates than this capture holds, so it may well send this issuer.

# ", authority key id" and $aki (hex), or nothing when $aki is none.
findings-aki = { $aki ->
        [none] {""}
       *[other] , authority key id { $aki }
    }

# $aki: see findings-aki; $anchors: public (the public roots) or user (--trust); $aia: the
# issuer's caIssuers URL, or none.
missing_intermediate = The issuer of { $label } is not in the input ("{ $issuer }"{ findings-aki }), and { $anchors ->
        [public] it is not a publicly trusted root
       *[user] it is not one of your trust anchors
    }. Clients that do not already have it fail with "x509: certificate signed by unknown authority".
    .fix = { $aia ->
        [none] If this issuer is an intermediate CA, append it to the server's chain file. If it is your private root CA, the server need not send it, but every client needs it as its CA file: get it from your PKI team and paste it here too, to get the CA files.
       *[other] The server must send this intermediate after { $label }: download it from { $aia } (DER; convert with `openssl x509 -inform DER -in FILE -out intermediate.pem`), append it to the chain file, or paste it here.
    }
# The same, in an s_client capture taken without -showcerts (a warning: fix the capture first).
missing_intermediate-capture = { missing_intermediate } { -capture-sent-more }
    .fix = Capture the chain again with -showcerts and paste the whole output before changing the server; change the server only if the issuer is still missing then.
# The issuer is on the path already: $names, its certificates there.
missing_intermediate-loop = The issuer of { $label } ("{ $issuer }") is in the input, as { $names }, but it is already on this path: these CAs cross-sign each other in a loop, and no root ends it.
    .fix = Add the self-signed root CA one of these CAs chains to (or give it with --trust): a loop of cross-signatures is trusted only when one of its CAs is.
missing_intermediate-loop-capture = { missing_intermediate-loop } { -capture-sent-more }
    .fix = { missing_intermediate-capture.fix }

# $aki: see findings-aki.
missing_root = The chain is complete up to { $label }, issued by "{ $issuer }"{ findings-aki }, which is not in the input and is not a public root: most likely your private root CA. The server need not send it, but clients that lack it fail with "x509: certificate signed by unknown authority".
    .fix = Give clients the root CA certificate as their CA file (GitLab Runner: { -runner-certs-dir }/<host>.crt or --tls-ca-file). Paste the root here too, or pass it with --trust, to get complete CA files. If the issuer is an intermediate instead, append it to the server chain.

# $names: the certificates whose names match but whose keys do not verify the signature.
bad_signature = The signature of { $label } does not verify with the key of { $names }, although the names match: it was signed by a different key (a re-issued CA, or a mix-up of files).
    .fix = Get the issuing CA certificate that matches this certificate's Authority Key ID from your CA, and replace the wrong one.

# $anchors: user (the anchors given with --trust) or public.
untrusted_root = { $anchors ->
        [user] The chain ends at the root { $label }, which is not among the trust anchors you supplied. Clients reject it with "x509: certificate signed by unknown authority" until they trust this root.
       *[public] The chain ends at the root { $label }, which is not a publicly trusted root: it is a private CA. Clients reject it with "x509: certificate signed by unknown authority" until they trust this root.
    }
    .fix = Give clients the CA file (ca-bundle.pem, or the GitLab Runner <host>.crt): e.g. { -runner-certs-dir }/<host>.crt, `--tls-ca-file`, or the system trust store. Do not give them the server certificate.

# $anchor: the anchor's name; $problems: anchor_invalid-problem, joined by anchor_invalid-and.
anchor_invalid = The trust anchor "{ $anchor }" cannot be used: { $problems }.
    .fix = Replace the trust anchor with a current root certificate of this CA (and reissue the chain under it if the key is weak).
anchor_invalid-and = {"; "}
# $problem: weak-key ($bits, $alg, below $minimum), not-valid-now (valid $from to $to) or
# unknown-critical ($oids).
anchor_invalid-problem = { $problem ->
        [weak-key] its { $bits }-bit { $alg } key is below { $minimum } bits
        [not-valid-now] it is not valid now (valid { $from } to { $to })
       *[unknown-critical] it has unknown critical extensions ({ $oids })
    }

# $reason: the algorithm certchain does not support, in English.
unchecked_signature = The signature of { $label } was not checked: certchain does not support { $reason }.
    .fix = Reissue the certificates with RSA (2048+), ECDSA P-256/P-384 or Ed25519; check the link meanwhile with `openssl verify`.

## Reasons from certchain's certificate reader and signature checks

# Why an extension is malformed: $why is san-der, san-unreadable or san-undefined (a name of tag $tag).
malformed_extension-why = { $why ->
        [san-der] its subjectAltName extension cannot be parsed as DER
        [san-unreadable] its subjectAltName holds a name of type [{ $tag }] whose content cannot be read
       *[san-undefined] its subjectAltName holds a name of undefined type [{ $tag }] (GeneralName defines types [0] to [8])
    }

# Why a NameConstraints extension is malformed: $malformed is unparsable, empty, dns (the
# constraint $detail), ip (a constraint of $detail bytes) or subtree.
name_constraint_violation-malformed = { $malformed ->
        [unparsable] it cannot be parsed (empty subtrees?)
        [empty] it has neither permitted nor excluded subtrees
        [dns] the dNSName constraint "{ $detail }" is not a host name
        [ip] an iPAddress constraint of { $detail } bytes is not an address with a CIDR mask
       *[subtree] a subtree is of an undefined type or cannot be read
    }

# What certchain does not check a signature with: $reason is signature-algorithm or
# key-algorithm (an OID, $detail), rsa-modulus (over $detail bits), rsa-exponent, md2,
# pss-md or ecdsa-curve (the curve, $detail).
unchecked_signature-reason = { $reason ->
        [signature-algorithm] signature algorithm { $detail }
        [key-algorithm] key algorithm { $detail }
        [rsa-modulus] an RSA modulus over { $detail } bits
        [rsa-exponent] an RSA public exponent that is even, below 3 or over 64 bits
        [md2] MD2
        [pss-md] RSA-PSS with MD hash
       *[ecdsa-curve] ECDSA on { $detail }
    }
