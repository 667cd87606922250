# web: en
# The web app's own words (frontend/src). The report's texts come from the other areas.
# Ids are `web-what-detail`; a missing id shows itself on the page, so a gap is visible.

## Header

web-tagline = Paste a TLS certificate chain: see it, fix it.
web-privacy = Analysed in your browser. Nothing is uploaded.
# The language switch: its label and the languages' names are the same in every language
# (each name in its own language), so that a reader finds their own.
web-lang-group = Language / 言語
web-lang-en = English
web-lang-ja = 日本語

## Input

web-paste-label = Certificate chain
# Shown in the empty paste area, below an example PEM armor.
web-paste-hint = PEM, s_client output, x509 -text, Kubernetes Secret…
web-drop-hint = Paste, type, or drop files here (.pem .crt .cer .der .p7b).
web-open-files = Open files…
# Label of the list of binary files (DER, PKCS#7) in use.
web-binary-files = Binary files in use
web-clear-files = Remove files
# One binary file in use, after its name; $bytes: its size in bytes.
web-file-size = { $bytes } B
web-host-label = Host or URL clients connect to
# $why: what is wrong with the host field (from the core, in English).
web-host-invalid = Not read as a host, so the host name is not checked: { $why }
web-as-of-label = As of
web-trust-label = Trusted private CA (optional)
web-trust-hint = Paste your organisation's root certificate: it replaces the public roots, as `certchain analyze --trust` does.
# Label of the sample buttons, also their group's label for screen readers.
web-samples-label = Try a sample:
web-sample-good = Good chain (private CA trusted)
web-sample-s-client = s_client of a private-CA GitLab
web-sample-shuffled = Shuffled chain
web-sample-no-intermediate = Missing intermediate
web-sample-missing = Leaf only (no -showcerts)
web-sample-with-key = Bundle with a private key

## Permalink

web-link-copy = Copy link to this analysis
web-link-note = The input goes in the part after #, which browsers never send. Private keys are left out.
# $left_out: web-link-left-out, or nothing when the link left nothing out.
web-link-copied = Link copied. Anyone with it sees this input. { $left_out }
# $parts: the parts below that apply, joined by " · ".
web-link-left-out = Left out of the link: { $parts }
# $count: how many private keys.
web-link-left-keys = private keys { $count }
web-link-left-secrets = passwords and tokens (masked as ***)
# $names: the files' names, joined by ", ".
web-link-left-files = files that are not only certificates { $names }

## Results

web-results-label = Results
web-empty = Paste a chain above, or try a sample.
# Followed by the private root's subject and a button (web-trust-root).
web-trust-offer = The chain ends at a private root. If it is your organisation's CA, trust it to check the rest:{" "}
web-trust-root = Trust this root

## Chain diagram

web-chain-title = Chain
web-role-leaf = leaf
web-role-intermediate = intermediate
web-role-root = root
web-role-ca = CA
# Where a certificate was in the input ($index, from 0) and where it is in the chain
# ($position, from 1).
web-chain-place = input #{ $index } · chain { $position }
# $days: days until the certificate expires (negative once expired).
web-chain-days-left = { $days } days left
web-chain-end-public-root = public root (trusted)
web-chain-end-user-anchor = your trust anchor
web-chain-end-missing = missing

## Error messages and findings

web-error-messages-title = Error messages
# Where an error message was: $line in the input, $source the input's number (from 1)
# when there are several.
web-error-place = line { $line }
web-error-place-several = input { $source }, line { $line }
web-label-meaning = Meaning:
web-label-cause = Cause:
web-label-fix = Fix:
web-label-snippets = Snippets:
web-findings-title = Findings
web-findings-none = Nothing to fix.
web-severity-error = error
web-severity-warning = warning
web-severity-info = info

## Validity timeline

web-timeline-title = Validity
# Under the line that marks the date the chain is evaluated at.
web-timeline-now = as of

## Files and snippets

# The disclosure that shows a file's certificates as text.
web-bundle-pem = PEM
web-files-title = Files
web-download = Download
web-copy = Copy
web-snippets-title = Configuration
web-snippet-dangerous = Insecure: last resort

## Certificates

web-certificates-title = Certificates
# Before the "show all" button when a bundle has more certificates than shown.
web-certs-shown-first = The first { $shown } of { $total } certificates, in input order.{" "}
web-certs-show-all = Show all { $total }
web-cert-subject = Subject
web-cert-issuer = Issuer
web-cert-validity = Valid
web-cert-key = Key
web-cert-signature = Signature
web-cert-sans = Names (SAN)
web-cert-serial = Serial
# Fingerprints and key identifiers, by their usual abbreviations.
web-cert-sha256 = SHA-256
web-cert-sha1 = SHA-1
web-cert-ski = SKI
web-cert-aki = AKI
