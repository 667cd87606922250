# explain: en
