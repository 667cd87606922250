# findings: ja
