"""Write 1 root + 1 intermediate + N leaf certificates as one PEM file.

Used by `cargo xtask bench` (xtask/src/bench_data.rs). Usage: gen_pem.py N OUT
Order in OUT: the N leaves, then the intermediate, then the root. The leaves
share one P-256 key (a key per leaf would take minutes and change nothing
for a reader of certificates); the CAs are RSA-2048 with SHA-256.
"""

import datetime
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

NOT_BEFORE = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
NOT_AFTER = datetime.datetime(2035, 1, 1, tzinfo=datetime.timezone.utc)


def name(cn):
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "certchain bench"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def builder(subject, public_key, issuer, issuer_key, serial):
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(serial)
        .not_valid_before(NOT_BEFORE)
        .not_valid_after(NOT_AFTER)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            False,
        )
    )


def ca(subject, key, issuer, issuer_key, serial, path_len):
    return (
        builder(subject, key.public_key(), issuer, issuer_key, serial)
        .add_extension(x509.BasicConstraints(ca=True, path_length=path_len), True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            True,
        )
        .sign(issuer_key, hashes.SHA256())
    )


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    int_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    root_name, int_name = name("Bench Root CA"), name("Bench Intermediate CA")
    root = ca(root_name, root_key, root_name, root_key, 1, None)
    inter = ca(int_name, int_key, root_name, root_key, 2, 0)
    pem = serialization.Encoding.PEM
    with open(out, "wb") as f:
        for i in range(1, n + 1):
            host = "leaf-%d.bench.invalid" % i
            leaf = (
                builder(name(host), leaf_key.public_key(), int_name, int_key, 1000 + i)
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
                .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), False)
                .add_extension(
                    x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False
                )
                .sign(int_key, hashes.SHA256())
            )
            f.write(leaf.public_bytes(pem))
            if i % 1000 == 0 or i == n:
                print("  generated %d/%d leaves" % (i, n), file=sys.stderr, flush=True)
        f.write(inter.public_bytes(pem))
        f.write(root.public_bytes(pem))


if __name__ == "__main__":
    main()
