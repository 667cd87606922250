# input: en
