# cli: ja
# The command line's own words (server/src/cli): the text report around the report's texts,
# the snippets' headings, and the error messages. Ids are `cli-what-detail`. clap's --help
# texts are not here: they are the doc comments of the arguments.

## The text report (`certchain analyze`, `fetch`), in the language of --lang

# Below the verdict. $count: certificates read; $formats: the input's formats, joined by
# ", "; $host: the host checked, or "-"; $now: the time evaluated at (Unix seconds).
cli-context = 証明書 { $count } 枚 ({ $formats }) ・ホスト { $host } ・評価時刻 { $now }
cli-chain-title = チェーン(最良のパス)
cli-others-title = その他の証明書
# A certificate's role.
cli-role-leaf = リーフ
cli-role-intermediate = 中間
cli-role-root = ルート
cli-role-other-leaf = 別のリーフ
cli-role-unrelated = 無関係
cli-role-ca = CA
cli-role-duplicate = 重複
# $date: the certificate's notAfter day (YYYY-MM-DD).
cli-cert-expired = { $date } に期限切れ
# $days: days left until $date.
cli-cert-until = { $date } まで ({ $days } 日)
# A certificate downloaded from an AIA caIssuers URL ($url).
cli-cert-fetched-from = { $url } から取得
# How the chain ends; the first two and the last are followed by the anchor's name.
cli-chain-end-public-root = 公的ルート
cli-chain-end-user-anchor = 指定のトラストアンカー
cli-chain-end-private-root = プライベートルート(既定では信頼されない)
cli-chain-end-missing-issuer = 発行者がありません:
# $input: the certificates in input order (#0 #1 …); $chain: in chain order (#1 → #0 …).
cli-chain-order = 入力順: { $input }   正しい順: { $chain }
# After the first certificates of a long list: $count more are not listed.
cli-more-certificates = …(他 { $count } 枚)
# Not translated yet: the Japanese report has always printed this line in English.
cli-others-more = … { $count } more
# $count: how many error messages were found in the input.
cli-error-messages-title = エラーメッセージ ({ $count })
# Where an error message was: $line in the input, $source the input's number (from 1)
# when there are several.
cli-error-place = { $line } 行目
cli-error-place-several = 入力 { $source } の { $line } 行目
cli-label-meaning = 意味:
cli-label-cause = 原因:
cli-label-fix = 対処:
cli-label-snippets = スニペット:
cli-snippets-hint = certchain snippets --target ID で表示
cli-findings-title = 指摘事項
# A finding's severity, in a column as wide as "warning". Not translated yet: the column is
# padded by characters, not by display width, and the Japanese report has always printed
# these words in English.
cli-severity-error = error
cli-severity-warning = warning
cli-severity-info = info
cli-files-title = ファイル
cli-files-hint = (--out DIR で書き出し)
# In a file's list of certificates: the CA given with --trust, which has no input number.
cli-files-trust-ca = --trust の CA
# On stderr when nothing usable was read; $reason: the first finding's message.
cli-unusable-input = 使える入力がありません: { $reason }

## `certchain snippets`, in the language of --lang

# Before the title of a snippet that turns a check off.
cli-snippet-insecure = ⚠ 危険・最後の手段:

## Names the report quotes (in English whatever --lang says, so far)

# Standard input as a source of the input ("There is nothing in standard input.").
cli-stdin-name = 標準入力

## Messages on stderr (English whatever --lang says, so far)

# $path: a file written by --out.
cli-wrote = { $path } を書き出しました
cli-error-no-input = 入力がありません: FILE 引数を指定するか、チェーンを標準入力に渡してください (--help 参照)
cli-error-read-stdin = 標準入力を読めません: { $error }
cli-error-read-file = { $path } を読めません: { $error }
cli-error-write-output = 出力を書き込めません: { $error }
cli-error-network-runtime = ネットワークのランタイムを開始できません: { $error }
# $target: the server as parsed (host:port); $error: why the fetch failed.
cli-error-fetch = { $target } のチェーンを取得できません: { $error }
cli-error-nothing-usable = 使える入力がありません: 証明書も既知のエラーメッセージも見つかりませんでした
# $param: the --param argument, quoted.
cli-error-param-syntax = --param { $param }: KEY=VALUE の形で指定してください
cli-error-param = --param { $param }: { $error }
cli-error-create-folder = { $path } を作成できません: { $error }
cli-error-symbolic-link = { $path } はシンボリックリンクです: certchain はリンク越しに書き込みません
cli-error-folder = { $path } はフォルダーです
cli-error-exists = { $path } は既に存在します: --overwrite を指定しない限り certchain はファイルを置き換えません
cli-error-replace = { $path } を置き換えられません: { $error }
cli-error-write-file = { $path } に書き込めません: { $error }
# $name: the file name, quoted, its hidden characters escaped.
cli-error-not-plain-name = { $name } は書き込みません: 単純なファイル名ではありません
