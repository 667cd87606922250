# recommend: en
