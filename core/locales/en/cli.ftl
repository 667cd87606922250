# cli: en
# The command line's own words (server/src/cli): the text report around the report's texts,
# the snippets' headings, and the error messages. Ids are `cli-what-detail`. clap's --help
# texts are not here: they are the doc comments of the arguments.

## The text report (`certchain analyze`, `fetch`), in the language of --lang

# Below the verdict. $count: certificates read; $formats: the input's formats, joined by
# ", "; $host: the host checked, or "-"; $now: the time evaluated at (Unix seconds).
cli-context = { $count } certificate(s) ({ $formats }) · host { $host } · as of { $now }
cli-chain-title = Chain (best path)
cli-others-title = Other certificates
# A certificate's role.
cli-role-leaf = leaf
cli-role-intermediate = intermediate
cli-role-root = root
cli-role-other-leaf = other leaf
cli-role-unrelated = unrelated
cli-role-ca = CA
cli-role-duplicate = duplicate
# $date: the certificate's notAfter day (YYYY-MM-DD).
cli-cert-expired = expired { $date }
# $days: days left until $date.
cli-cert-until = until { $date } ({ $days } days)
# A certificate downloaded from an AIA caIssuers URL ($url).
cli-cert-fetched-from = fetched from { $url }
# How the chain ends; the first two and the last are followed by the anchor's name.
cli-chain-end-public-root = public root
cli-chain-end-user-anchor = your trust anchor
cli-chain-end-private-root = private root, not trusted by default
cli-chain-end-missing-issuer = missing issuer:
# $input: the certificates in input order (#0 #1 …); $chain: in chain order (#1 → #0 …).
cli-chain-order = input order: { $input }   chain order: { $chain }
# After the first certificates of a long list: $count more are not listed.
cli-more-certificates = … ({ $count } more)
cli-others-more = … { $count } more
# $count: how many error messages were found in the input.
cli-error-messages-title = Error messages ({ $count })
# Where an error message was: $line in the input, $source the input's number (from 1)
# when there are several.
cli-error-place = line { $line }
cli-error-place-several = input #{ $source } line { $line }
cli-label-meaning = meaning:
cli-label-cause = cause:
cli-label-fix = fix:
cli-label-snippets = snippets:
cli-snippets-hint = see certchain snippets --target ID
cli-findings-title = Findings
# A finding's severity, in a column as wide as "warning".
cli-severity-error = error
cli-severity-warning = warning
cli-severity-info = info
cli-files-title = Files
cli-files-hint = (write them with --out DIR)
# In a file's list of certificates: the CA given with --trust, which has no input number.
cli-files-trust-ca = the --trust CA
# On stderr when nothing usable was read; $reason: the first finding's message.
cli-unusable-input = unusable input: { $reason }

## `certchain snippets`, in the language of --lang

# Before the title of a snippet that turns a check off.
cli-snippet-insecure = ⚠ INSECURE, last resort:

## Names the report quotes (in English whatever --lang says, so far)

# Standard input as a source of the input ("There is nothing in standard input.").
cli-stdin-name = standard input

## Messages on stderr (English whatever --lang says, so far)

# $path: a file written by --out.
cli-wrote = wrote { $path }
cli-error-no-input = no input: give FILE arguments or pipe a chain into stdin (see --help)
cli-error-read-stdin = cannot read stdin: { $error }
cli-error-read-file = cannot read { $path }: { $error }
cli-error-write-output = cannot write output: { $error }
cli-error-network-runtime = cannot start the network runtime: { $error }
# $target: the server as parsed (host:port); $error: why the fetch failed.
cli-error-fetch = cannot fetch the chain of { $target }: { $error }
cli-error-nothing-usable = unusable input: no certificate and no known error message found
# $param: the --param argument, quoted.
cli-error-param-syntax = --param { $param }: expected KEY=VALUE
cli-error-param = --param { $param }: { $error }
cli-error-create-folder = cannot create { $path }: { $error }
cli-error-symbolic-link = { $path } is a symbolic link: certchain does not write through it
cli-error-folder = { $path } is a folder
cli-error-exists = { $path } exists: certchain does not replace files unless --overwrite is given
cli-error-replace = cannot replace { $path }: { $error }
cli-error-write-file = cannot write { $path }: { $error }
# $name: the file name, quoted, its hidden characters escaped.
cli-error-not-plain-name = refusing to write { $name }: not a plain file name
