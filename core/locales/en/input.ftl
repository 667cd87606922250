# input: en
#
# What the readers say about the input: why a piece of it could not be used. A reason is
# often made of parts: the place ($at: "line 12"), the piece ($what: "the CERTIFICATE block at
# line 3 (1234 bytes decoded)") and why ($why), each a message of this file.

## Places and pieces.

input-line = line { $line }
# Inside a Kubernetes value: $line is a line of the decoded text, $key the value's key.
input-line-decoded = line { $line } of the decoded { $key }
# $bytes: how many bytes the piece decodes to.
input-binary = binary input of { $bytes } bytes
input-base64-text = the base64 text at line { $line } ({ $bytes } bytes decoded)
input-secret-value = the { $key } value at line { $line } ({ $bytes } bytes decoded)
# $label: the PEM label, e.g. CERTIFICATE.
input-pem-block = the { $label } block at { $at } ({ $bytes } bytes decoded)

## Base64 (b64.rs).

input-base64-empty = it is empty
# $character: the character, quoted, e.g. '!'.
input-base64-bad-character = { $at } has { $character }, which is not a base64 character
input-base64-data-after-padding = { $at } has base64 after '=' padding (two blocks run together?)
input-base64-truncated = its base64 ends with one stray character: the text is cut
input-base64-text-unreadable = the base64 text at line { $line }: { $why }
input-secret-value-not-base64 = the value of { $key } at line { $line } is not base64: { $why }

## PEM armor (pem.rs).

input-pem-no-end = BEGIN { $label } at { $at } has no matching END line
# $begin, $end: the places of the BEGIN and END lines.
input-pem-end-mismatch = BEGIN { $label } at { $begin } is closed by END { $end_label } at { $end }
input-pem-block-unreadable = { $label } block at { $at }: { $why }
# $error: the pem crate's reason, in English.
input-pem-armor-undecodable = its armor cannot be decoded ({ $error })

## What is not a certificate (pem.rs by its label, der.rs by its shape).

# $kind: what it is; $label: the PEM label, for other-label.
input-not-a-certificate = { $kind ->
        [csr] a certificate signing request (CSR), not a certificate
        [crl] a certificate revocation list (CRL), not a certificate
        [public-key] a public key, not a certificate
        [bare-public-key] a bare public key, not a certificate
        [attribute-certificate] an attribute certificate (RFC 5755), not a public-key certificate
        [parameters] key-exchange or curve parameters, not a certificate
        [pkcs12] a PKCS#12 archive (.p12/.pfx), which is encrypted: extract its certificates with `openssl pkcs12 -in FILE -nokeys` and paste the output
       *[other-label] a PEM block labelled { $label }, not a certificate
    }
# $container: what the magic number says the binary input is.
input-binary-container = { $container ->
        [jks] a Java KeyStore (JKS): export its certificates with `keytool -exportcert -rfc -alias NAME -keystore FILE` and paste the PEM
        [jceks] a Java JCEKS keystore: export its certificates with `keytool -exportcert -rfc -alias NAME -keystore FILE -storetype JCEKS`
       *[zip] a ZIP archive: unpack it and give the certificate files inside
    }

## DER and PKCS#7 (der.rs, ber.rs, pkcs7.rs).

input-der-unreadable = { $what } cannot be read: { $why }
# $at: "start" when the whole piece is unrecognised, "offset" when the part from byte $offset
# on is ($length bytes). $first: "shown" with the first bytes ($bytes, e.g. 0x30 0x82), or
# "hidden" when the input could be a raw private key.
input-der-unrecognised = { $what }{ $at ->
        [offset] : { $length } bytes at offset { $offset } are
       *[start] {" "}is
    } neither a DER certificate nor PKCS#7{ $first ->
        [shown] {" "}(first bytes { $bytes })
       *[hidden] {""}
    }
input-pkcs7-empty = { $what } is a PKCS#7 that holds no certificate
input-pkcs7-unreadable = { $what } is a PKCS#7 that cannot be read: { $why }
input-pkcs7-not-certificates = { $what } is a PKCS#7 whose certificate list { $amount ->
        [one] holds an element that is not a certificate: it was left out
       *[other] holds { $count } elements that are not certificates: they were left out
    }. A length in the list is wrong, or the file is damaged: export the chain again
# The label of each certificate of a PKCS#7 ($container: its PEM label, or PKCS#7).
input-pkcs7-certificate-label = { $container }, certificate { $position } of { $total }

input-ber-truncated-header = it ends inside a DER header
input-ber-truncated-contents = it is truncated: its DER header announces { $announced } bytes, only { $available } follow
input-ber-bad-length = it has an invalid DER length
input-ber-bad-tag = it has an invalid DER tag
input-ber-too-deep = it nests indefinite lengths more than { $depth } levels deep
input-ber-missing-end-of-contents = an indefinite length has no end-of-contents marker

input-pkcs7-not-content-info = it is not a PKCS#7 ContentInfo
# $oid: the content type, e.g. data (1.2.840.113549.1.7.1).
input-pkcs7-not-signed-data = its content type is { $oid }, not signedData (1.2.840.113549.1.7.2): it carries no certificate list
# $what: the field missing or misplaced, in ASN.1's words (English), e.g. no version.
input-pkcs7-malformed = its SignedData is malformed: { $what }

## Notes about the input (detect.rs, s_client.rs, x509_text.rs). The report's notes are in
## English only for now.

# $source: the file name, or input-unnamed-source.
input-note-empty = there is nothing in { $source }
input-note-broken-armor = no readable certificate in { $source }: a BEGIN CERTIFICATE line is there, but its armor is incomplete (it needs -----BEGIN CERTIFICATE----- on a line of its own, then the base64, then -----END CERTIFICATE-----)
input-note-nothing-found = no certificate found in { $source } (no -----BEGIN CERTIFICATE----- block, no base64, no s_client or openssl dump)
# A source without a file name (stdin, a paste); $number counts from 1.
input-unnamed-source = input #{ $number }
# $sent: how many certificates the server sent.
input-note-without-showcerts = the server sent { $sent } certificates but the s_client output shows only the first: run it again with -showcerts to capture the whole chain
input-note-noout = this is an `openssl x509 -text -noout` dump: it has no certificate bytes to check. Run the command again without -noout (or paste the .pem file).
input-note-dumps-without-pem = { $dumps } `openssl x509 -text` dumps but only { $blocks } PEM blocks: a dump made with -noout has no certificate bytes, so its certificate is missing

## The trust input (--trust, the web app's trusted private CA): its notes in the report, in
## English only for now (InputReport::notes), and the reasons no_trusted_certificate gives.

# $note: one thing said about the trust input.
input-trust-note = --trust: { $note }
# $count: how many certificates were read from the trust files.
input-trust-anchors = { $count } certificate(s) used as trust anchors, instead of the public roots
# $line: the line; $file: the trust file's number (from 1); $why: why it was ignored.
input-trust-line-ignored = line { $line } of trust file { $file } ignored: { $why }
# $count: how many private keys were in the trust files.
input-trust-keys-ignored = { $count } private key(s) in the trust files were ignored
