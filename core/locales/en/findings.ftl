# findings: en
