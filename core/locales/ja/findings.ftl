# findings: ja
#
# 指摘のメッセージはコード(Code::as_str、JSON の "code")をキーとし、対処は属性 .fix です。
# 両方に同じ引数が渡されます。メッセージが複数あるコードは code-variant の id を使います。
#   $label   レポートでの証明書の呼び名: #1 "R3"
#   $issuer  証明書の発行者名(証明書のとおり)

-runner-certs-dir = /etc/gitlab-runner/certs

## 入力そのもの (diagnose/input.rs)

# 入力内の位置。$at: line, binary, file-line, file-binary。$line: 行番号。$file: ファイル番号(2 から)。
findings-place = { $at ->
        [line] { $line } 行目
        [file-line] ファイル { $file } の{ $line } 行目
        [file-binary] ファイル { $file } のバイナリ入力
       *[binary] バイナリ入力
    }

# $about: note(読み取り側の説明 $hint あり)または none。
no_certificates = { $about ->
        [note] 入力に証明書が見つかりませんでした。{ $hint }
       *[none] 入力に証明書が見つかりませんでした。
    }
    .fix = PEM テキスト(-----BEGIN CERTIFICATE-----)、`openssl s_client -showcerts -connect HOST:443` の出力を貼り付けるか、.crt/.der/.p7b ファイルを開いてください。

# $file: ファイル番号、または none。$detail: 何が壊れているか。
malformed_pem = { $file ->
        [none] PEM が壊れています: { $detail }。
       *[other] ファイル { $file } のPEM が壊れています: { $detail }。
    }
    .fix = -----BEGIN から -----END までを行を変えずにもう一度すべてコピーしてください。

# $place: findings-place。$detail: 理由。$others: analysed(他の証明書も読んだ)または alone。
unparsable_block = { $others ->
        [analysed] { $place }のブロックは証明書として読めません: { $detail }。他のブロックは解析しました。
       *[alone] { $place }のブロックは証明書として読めません: { $detail }。
    }
    .fix = このブロックが証明書(鍵・CSR・CRL ではない)であり、完全にコピーされていることを確認してください。
# $why: 証明書パーサー(x509-parser)の英語のメッセージ。
unparsable_block-der = 証明書の DER を解析できません({ $why })

# $list: 各鍵の種類と位置。
private_key_in_bundle = 入力に秘密鍵が含まれています: { $list }。certchain は削除し、どこにも表示しませんが、貼り付けたりメールした鍵は漏えいしたものとして扱ってください。
    .fix = 鍵は証明書バンドルに入れず、別ファイル(パーミッション 0600)にしてください。鍵がサーバーの外に出た場合は、新しい鍵を生成して証明書を再発行してください。

# $why: 信頼する CA の入力に代わりにあったもの(no_trusted_certificate-reasons)、または空。
no_trusted_certificate = 指定された信頼する CA(--trust、または Web アプリの「信頼するプライベート CA」)に証明書がありません{ $why }。何も信頼されないため、どのチェーンも有効になりません。
    .fix = CA の証明書を PEM(-----BEGIN CERTIFICATE-----)か DER で指定してください。秘密鍵、CSR、サーバー自身の証明書ではありません。

# $reasons: 証明書にならなかった理由を no_trusted_certificate-and でつないだもの。
no_trusted_certificate-reasons = ({ $reasons })
no_trusted_certificate-and = 、

# $held: 出力にある証明書の数。$sent: サーバーが送った数。$verify: said($verify_code と $verify_text あり)または none。
s_client_leaf_only = { $verify ->
        [said] この s_client の出力には証明書が { $held } 枚しかありませんが、サーバーは { $sent } 枚送っています("Certificate chain" 参照)。-showcerts なしで取得したため中間証明書が含まれていません。OpenSSL の検証結果: Verify return code { $verify_code } ({ $verify_text })。
       *[none] この s_client の出力には証明書が { $held } 枚しかありませんが、サーバーは { $sent } 枚送っています("Certificate chain" 参照)。-showcerts なしで取得したため中間証明書が含まれていません。
    }
    .fix = -showcerts を付けて再実行し、出力全体を貼り付けてください: `openssl s_client -showcerts -connect HOST:PORT -servername HOST < /dev/null`

## 解析の上限 (diagnose/bounds.rs, diagnose/cap.rs)

input_too_large = 入力は { $size_mib }({ $size } バイト)です。certchain は先頭の { $limit_mib } だけを読み、残りは読んでいません。
    .fix = チェーン(リーフと中間証明書)だけを貼り付けるか、大きなトラストストアは上限未満のファイルに分けてください。

too_many_certificates = 入力の証明書が { $limit } 枚を超えています。先頭の { $limit } 枚を解析し、残りの { $skipped } 枚は読んでいません。
    .fix = サーバーのチェーンは数枚です。リーフと中間証明書だけを貼り付けてください。

certificate_too_large = { $limit } バイトを超える証明書 { $count } 枚は読んでいません(最大 { $largest } バイト)。通常の証明書は数 KB です。
    .fix = そのブロックが 1 枚の証明書であり、別のファイルが紛れ込んでいないか確認してください。

path_search_truncated = 相互にリンクした証明書が多すぎるため、上限でパス探索を打ち切りました({ $bounds })。表示しているのは見つかった中で最良のパスです。
    .fix = 1 つのチェーンのリーフと中間証明書だけを送ってください。
# 未翻訳(英語のまま表示しています)。
path_search_truncated-bound = { $bound ->
        [steps] after visiting { $limit } certificates
        [depth] at { $limit } certificates per path
        [paths] after finding { $limit } paths from one certificate
       *[signatures] after { $limit } signature checks
    }

paths_not_all_listed = { $found } 本のパスが見つかりました。レポートには上位 { $limit } 本を載せています。
    .fix = 最良のパスが想定どおりなら対応は不要です。そうでなければクロス署名の CA を減らしてください。

findings-more-not-listed = … ほかに { $code } の指摘が { $more } 件あります(各種類につき最初の { $limit } 件だけを表示します)。
    .fix = 表示されたものを直してから、もう一度解析してください。残りは多くの場合同じ問題です。

## 発行する証明書に必要な許可とリーフ (diagnose/constraints.rs)

# $basic_constraints: false(basicConstraints CA:FALSE)または absent(拡張なし。英語のまま表示しています)。
intermediate_not_ca = { $basic_constraints ->
        [false] { $label } はチェーン内の別の証明書に署名していますが CA ではありません(basicConstraints CA:FALSE)。クライアントはチェーンを拒否します。
       *[absent] { $label } はチェーン内の別の証明書に署名していますが CA ではありません(no basicConstraints extension)。クライアントはチェーンを拒否します。
    }
    .fix = この中間証明書を basicConstraints critical, CA:TRUE で再発行してください(または正しい中間証明書を使ってください)。

key_usage_no_cert_sign = { $label } は証明書に署名していますが、keyUsage に keyCertSign がありません。
    .fix = CA 証明書を keyUsage critical, keyCertSign, cRLSign で再発行してください。

pathlen_exceeded = { $label } の下に置ける中間 CA は { $limit } 個まで(pathlen:{ $limit })ですが、チェーンには { $below } 個あります。
    .fix = 階層の下位の CA からサーバー証明書を発行するか、この CA をより大きな pathlen で再発行してください。

# $role: leaf(サーバー証明書)または issuer(チェーンの CA)。
eku_no_server_auth = { $role ->
        [leaf] { $label } は TLS サーバー用に許可されていません。extendedKeyUsage は { $list } で、serverAuth がありません。
       *[issuer] { $label } は配下の証明書を TLS サーバー以外の用途に制限しています。extendedKeyUsage は { $list } で、serverAuth がありません。
    }
    .fix = extendedKeyUsage に serverAuth(TLS Web Server Authentication)を含めて再発行してください。
eku_no_server_auth-anchor = トラストアンカー { $named } は配下の証明書を TLS サーバー以外の用途に制限しています。extendedKeyUsage は { $list } で、serverAuth がありません。RFC 5280 ではアンカーの拡張を無視してもよいとされていますが、Go(GitLab Runner)と OpenSSL はこれを適用し、このチェーンを拒否します。
    .fix = extendedKeyUsage に serverAuth を含む(または多くのルートのように extendedKeyUsage を持たない)ルート CA を使い、その下でサーバーチェーンを発行してください。

self_signed_leaf = { $label } は自己署名証明書です。CA による保証がないため、各クライアントがこの証明書そのものを信頼する必要があります。
    .fix = クライアントにこの証明書を CA ファイルとして配布してください(GitLab Runner: { -runner-certs-dir }/<host>.crt または --tls-ca-file)。より良い方法は、プライベート CA からサーバー証明書を発行し、その CA を配布することです。

leaf_is_ca = { $label } はサーバー証明書ですが basicConstraints が CA:TRUE です(`openssl req -x509` の既定値)。厳格なクライアント(rustls/webpki)は CA 証明書をサーバー証明書として使うことを拒否します。
    .fix = `-addext basicConstraints=critical,CA:FALSE` を付けて再発行してください(署名用の CA は別に用意してください)。

## アルゴリズムと鍵 (diagnose/crypto.rs)

weak_signature = { $label } は { $alg } で署名されています。MD5・SHA-1 署名は偽造可能で、Go 1.18 以降・ブラウザ・OpenSSL(セキュリティレベル 1 以上)は拒否します。
    .fix = SHA-256 以上で再発行してください。

weak_key = { $label } の鍵は { $bits } ビットの { $alg } です。{ $minimum } ビット以上が必要です。
    .fix = 新しい鍵(RSA { $min_rsa } ビット以上または ECDSA P-256)を生成して再発行してください。
# $exponent: large(64 ビット超: $bits)または invalid(偶数、または 3 未満)。
weak_key-exponent = { $exponent ->
        [large] { $label } の RSA 鍵は使えません: 公開指数が { $bits } ビットあります(実際の鍵は 65537 を使います。certchain は 64 ビットを超える指数では計算せず、Go は 31 ビットを超える指数を拒否します)。
       *[invalid] { $label } の RSA 鍵は使えません: 公開指数が偶数または 3 未満です(RFC 8017 §3.1 で禁止されています)。
    }
    .fix = 通常の公開指数 65537 で新しい鍵を生成して再発行してください。このように作られた鍵の証明書は信頼しないでください。

## 拡張 (diagnose/extensions.rs)

unknown_critical_extension = { $label } にはクライアントが解釈できない critical 拡張({ $oids })があり、拒否されます。
    .fix = その拡張を含めない(または non-critical にする)形で再発行してください。

duplicate_extension = { $label } には同じ拡張が複数回含まれています({ $oids })。Go などのクライアントは読み込みを拒否します。
    .fix = 各拡張を 1 回だけ含めて再発行してください。

# $why: 何が不正か(英語)。
malformed_extension = { $label } の拡張が不正な形式です: { $why }。OpenSSL(curl、git、Python)はこの証明書を無効として拒否します。Go は未知の名前を読み飛ばしますが、解析できない拡張は拒否します。
    .fix = subjectAltName に定義済みの型(TLS サーバーなら DNS 名と IP アドレス)だけを含めて再発行してください。

## 名前 (diagnose/hidden.rs, diagnose/hostname.rs, diagnose/pinned.rs)

hidden_characters_in_name = { $label } の名前に制御文字または不可視の書式文字が含まれています: { $name }。そのまま表示すると別の名前に見えたり、行を偽装したりします。certchain はこれらを \u{"{"}…{"}"} のエスケープで表示します。
    .fix = この名前の見た目を信用しないでください。このような名前を発行する CA は壊れているか悪意があります。使う前に、誰がこの証明書を作ったのか確認してください。

# $entry: ip または dns。
hostname_mismatch = { $label } は「{ $host }」に対して有効ではありません。証明書の名前: { $names }。
    .fix = { $entry ->
        [ip] 証明書にある名前で接続するか、subjectAltName に IP:{ $host } を入れて再発行してください。
       *[dns] 証明書にある名前で接続するか、subjectAltName に DNS:{ $host } を入れて再発行してください。
    }
# 名前が一つもないときの $names(英語のまま表示しています)。
hostname_mismatch-no-names = none

cn_without_san = { $label } に subjectAltName がありません。名前は CN(「{ $cn }」)にしかなく、Go(GitLab Runner・Docker)や Chrome など多くのクライアントは CN を無視します("x509: certificate relies on legacy Common Name field")。
    .fix = SAN 付きで再発行してください。例: `openssl req ... -addext "subjectAltName=DNS:{ $host }"`。

trusted_server_certificate = { $label } 自体がトラストアンカーです。発行した CA(「{ $issuer }」)ではなく、サーバー証明書そのものを固定(ピン留め)しています。
    .fix = GitLab Runner(Go)がこのピンを受け入れるのは証明書が更新されるまでで、openssl verify や Python 3.13 より前の ssl などは受け入れません。サーバー証明書ではなく CA(上記の発行者とそのルート)の証明書をクライアントに渡してください。`openssl s_client | openssl x509` で保存した CA ファイルにはサーバー証明書しか入りません。`-showcerts` の CA 証明書を保存するか、CA を貼り付けるか --trust で指定して certchain が作るファイルを使ってください。

## 名前制約 (diagnose/names.rs)

# 以下の断片 (name_constraint_violation-*) は英語のまま表示しています。
name_constraint_violation = { $subject } は { $ca } の名前制約に違反しています: { $why }。クライアントはチェーンを拒否します。
    .fix = CA が認証を許可されている名前だけで証明書を発行するか、この制約のない CA を使ってください。
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

## 入力の形 (diagnose/order.rs)

# $leaf: first(リーフが先頭)または not-first。
wrong_order = { $leaf ->
        [first] チェーンの順序が誤っています。入力順は { $came } ですが、正しい順序は { $should } です(リーフが先頭、続いて各発行者)。多くのクライアントは許容しますが、厳格なクライアント(と RFC 5246)は各証明書の直後にその発行者を置くことを求めます。
       *[not-first] チェーンの順序が誤っています。入力順は { $came } ですが、正しい順序は { $should } です(リーフが先頭、続いて各発行者)。サーバー証明書が先頭にありません。nginx などは鍵を誤った証明書と組み合わせ("key values mismatch")、クライアントには誤った証明書が見えます。
    }
    .fix = certchain が作成した fullchain ファイルを使ってください(正しい順序です)。

root_included = ルート { $label } がチェーンに含まれています。サーバーが送る必要はありません。クライアントは既にルートを信頼している必要があり、送っても信頼されるわけではありません。
    .fix = サーバーには fullchain ファイル(リーフと中間証明書、ルートなし)を設定し、ルートはクライアントに CA ファイルとして配布してください。

duplicate_certificate = { $label } が入力に { $count } 回含まれています。
    .fix = 1 つだけ残してください(certchain が作成したファイルを使ってください)。

unrelated_certificate = { $label } はサーバー証明書のチェーンに含まれません(ここにある証明書を発行していません)。
    .fix = サーバーのチェーンファイルから削除してください。クライアントに必要なら CA ファイル側に入れてください。

multiple_leaves = 入力にサーバー(エンドエンティティ)証明書が { $count } 枚あります: { $all }。サーバーが送るのは 1 枚です。certchain は { $chosen } を解析しました。
    .fix = サーバーの秘密鍵に対応する証明書だけを残し(--host で確認)、その後に中間証明書を置いてください。

cross_signed = { $label } はクロス署名されています。同じ CA が { $count } 枚の証明書として存在し、発行者は { $issuers } です。クライアントは信頼できるパスを選びます。
    .fix = 古いクライアントが失敗しない限り対応不要です。失敗する場合は、それらが持つルートで終わるパスを送ってください。

## 有効期間 (diagnose/validity.rs、トラストストアのルートは diagnose/store.rs)

expired = { $label } は { $date } に期限切れになりました({ $days } 日前)。
    .fix = 証明書を更新し、新しい証明書(と新しいチェーン)をサーバーに設定してください。
expired-store = このトラストストアの { $label } は { $date } に期限切れになりました({ $days } 日前)。
    .fix = OpenSSL や Go はこのルートで終わるチェーンを受け入れません。このルートで終わるチェーンのサーバーは、有効なルートの下のチェーンに移行する必要があります。certchain が出力する ca-bundle.pem(このルートを除いたもの)を使ってください。ストアを提供するパッケージ(ca-certificates)を更新しても除かれるのは Mozilla が削除したルートだけなので、期限切れのルートが残ることがあります。

not_yet_valid = { $label } は { $date } まで有効になりません(あと { $days } 日)。
    .fix = サーバーとクライアントの時刻(NTP)を確認するか、有効開始日まで待ってください。
not_yet_valid-store = このトラストストアの { $label } は { $date } まで有効になりません。
    .fix = それまではこのルートで終わるチェーンは失敗します。このストアを読むマシンの時刻(NTP)を確認してください。

expires_soon = { $label } は { $date } に期限切れになります(あと { $days } 日)。
    .fix = クライアントが失敗し始める前に更新してください。
expires_soon-store = このトラストストアの { $label } は { $date } に期限切れになります(あと { $days } 日)。
    .fix = その日以降、このルートで終わるチェーンのサーバーは OpenSSL や Go のクライアントで失敗します。それまでに別のルートの下のチェーンに移行してください。

## パスの終わり (diagnose/trust.rs)

-capture-sent-more = ただしサーバーはこの出力より多くの証明書を送っているため、この発行者も送っている可能性があります。

# 英語のまま表示しています。
findings-aki = { $aki ->
        [none] {""}
       *[other] , authority key id { $aki }
    }

# $anchors: public(公的ルート)または user(--trust)。$aia: caIssuers の URL、または none。
missing_intermediate = { $label } の発行者(「{ $issuer }」{ findings-aki })が入力になく、{ $anchors ->
        [public] 公的に信頼されたルートでもありません
       *[user] 指定されたトラストアンカーでもありません
    }。これを持たないクライアントは "x509: certificate signed by unknown authority" で失敗します。
    .fix = { $aia ->
        [none] この発行者が中間 CA なら、サーバーのチェーンファイルに追加してください。プライベートなルート CA なら、サーバーが送る必要はありませんが、すべてのクライアントが CA ファイルとして必要です。PKI 担当者から入手し、ここにも貼り付けると CA ファイルを作成できます。
       *[other] サーバーは { $label } の後にこの中間証明書を送る必要があります。{ $aia } から入手し(DER 形式: `openssl x509 -inform DER -in FILE -out intermediate.pem` で変換)、チェーンファイルに追加するか、ここに貼り付けてください。
    }
missing_intermediate-capture = { missing_intermediate }{ -capture-sent-more }
    .fix = サーバーを変更する前に、-showcerts を付けてチェーンを取得し直し、出力全体を貼り付けてください。それでも発行者が無い場合にだけサーバーを直してください。
missing_intermediate-loop = { $label } の発行者(「{ $issuer }」)は入力に { $names } としてありますが、すでにこのパス上にあります。これらの CA は互いに相互署名してループになっており、ルートで終わっていません。
    .fix = これらの CA のいずれかがつながる自己署名のルート CA を追加してください(または --trust で指定)。相互署名のループは、その中のいずれかの CA が信頼されている場合にだけ信頼されます。
missing_intermediate-loop-capture = { missing_intermediate-loop }{ -capture-sent-more }
    .fix = { missing_intermediate-capture.fix }

missing_root = チェーンは { $label } まで揃っています。その発行者「{ $issuer }」{ findings-aki }は入力になく公的ルートでもないため、プライベートなルート CA と考えられます。サーバーが送る必要はありませんが、これを持たないクライアントは "x509: certificate signed by unknown authority" で失敗します。
    .fix = クライアントにルート CA 証明書を CA ファイルとして配布してください(GitLab Runner: { -runner-certs-dir }/<host>.crt または --tls-ca-file)。ルートもここに貼り付けるか --trust で指定すると、完全な CA ファイルを作成できます。発行者が中間証明書の場合は、サーバーチェーンに追加してください。

bad_signature = { $label } の署名が { $names } の鍵で検証できません(名前は一致しています)。別の鍵で署名されています(CA の再発行やファイルの取り違え)。
    .fix = この証明書の Authority Key ID に対応する発行元 CA 証明書を CA から入手し、誤った証明書と差し替えてください。

untrusted_root = { $anchors ->
        [user] チェーンはルート { $label } で終わりますが、このルートは指定されたトラストアンカーに含まれていません。クライアントがこのルートを信頼するまで "x509: certificate signed by unknown authority" で拒否されます。
       *[public] チェーンはルート { $label } で終わりますが、このルートは公的に信頼されたルートではありません(プライベート CA です)。クライアントがこのルートを信頼するまで "x509: certificate signed by unknown authority" で拒否されます。
    }
    .fix = クライアントに CA ファイル(ca-bundle.pem または GitLab Runner 用 <host>.crt)を配布してください。例: { -runner-certs-dir }/<host>.crt、`--tls-ca-file`、システムのトラストストア。サーバー証明書そのものではありません。

anchor_invalid = トラストアンカー「{ $anchor }」は使えません: { $problems }。
    .fix = トラストアンカーをこの CA の現行のルート証明書に置き換えてください(鍵が弱い場合はその下でチェーンを再発行してください)。
anchor_invalid-and = 、
anchor_invalid-problem = { $problem ->
        [weak-key] 鍵が { $bits } ビットの { $alg } で { $minimum } ビット未満です
        [not-valid-now] 現在有効ではありません(有効期間 { $from } 〜 { $to })
       *[unknown-critical] 不明な critical 拡張があります({ $oids })
    }

# $reason: 未対応のアルゴリズム(英語)。
unchecked_signature = { $label } の署名は検証していません({ $reason } は未対応です)。
    .fix = RSA(2048 ビット以上)、ECDSA P-256/P-384 または Ed25519 で再発行してください。それまでは `openssl verify` でリンクを確認してください。

## 証明書の読み取りと署名検証からの理由(英語のまま表示しています)

malformed_extension-why = { $why ->
        [san-der] its subjectAltName extension cannot be parsed as DER
        [san-unreadable] its subjectAltName holds a name of type [{ $tag }] whose content cannot be read
       *[san-undefined] its subjectAltName holds a name of undefined type [{ $tag }] (GeneralName defines types [0] to [8])
    }

name_constraint_violation-malformed = { $malformed ->
        [unparsable] it cannot be parsed (empty subtrees?)
        [empty] it has neither permitted nor excluded subtrees
        [dns] the dNSName constraint "{ $detail }" is not a host name
        [ip] an iPAddress constraint of { $detail } bytes is not an address with a CIDR mask
       *[subtree] a subtree is of an undefined type or cannot be read
    }

unchecked_signature-reason = { $reason ->
        [signature-algorithm] signature algorithm { $detail }
        [key-algorithm] key algorithm { $detail }
        [rsa-modulus] an RSA modulus over { $detail } bits
        [rsa-exponent] an RSA public exponent that is even, below 3 or over 64 bits
        [md2] MD2
        [pss-md] RSA-PSS with MD hash
       *[ecdsa-curve] ECDSA on { $detail }
    }
