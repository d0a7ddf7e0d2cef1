"""Writes differential cases: the spec's examples plus seeded random filters and order_bys.

    python gen_cases.py [n_random] [seed] > cases.jsonl
"""
import base64
import json
import random
import sys

ENTITIES = ["runs", "experiments", "registered_models", "model_versions"]

SPEC_FILTERS = {
    "runs": [
        "", " ", "\n", "metrics.acc > 0.5", "metrics.acc > 100 AND metrics.acc LIKE 1",
        "metrics.acc LIKE 1 AND metrics.acc > 100", "metrics.acc != 0.9", "metrics.acc = 0", "metrics.acc = -0.0",
        "metrics.acc < 1e999", "metrics.loss > 1e308", "metrics.loss = 1e999", "metrics.loss < -1e999",
        "metrics.acc >= 0.9 and params.lr = '0.01'", "metrics.acc > 0.5 OR metrics.acc < 0.1",
        "(metrics.acc > 0.5)", "NOT metrics.acc > 0.5", "metrics.acc > 0.5;", "metrics.acc > 0.5; metrics.loss < 1",
        "metrics.acc > 0.5 -- hi", "metrics.acc > 0.5 /* c */", "metrics.acc BETWEEN 0 AND 1",
        "metrics.eval/loss > 1", "metrics.`f1 score` > 0.6", "`metrics`.acc > 0.5", "\"metrics\".acc > 0.5",
        "`metrics.f1 score` > 0.1", "METRICS.acc > 0.5", "metric.acc > 0.5", "metrics . acc > 0.5",
        "metrics. acc > 0.5", "metrics.val.acc > 0.5", "metrics.in > 1", "metrics.select > 1",
        "metrics.acc > '0.5'", "metrics.acc > 0x10", "metrics.acc > 1_000", "metrics.acc > 1and",
        "metrics.acc > nan", "metrics.acc > - 1", "metrics.acc > -1", "metrics.acc > .5", "metrics.acc > 5.",
        "metrics.acc == 0.9", "metrics.acc <> 0.9", "metrics.acc => 0.9", "metrics.acc !== 0.9",
        "metrics.acc IS NULL", "metrics.created > 1", "metrics.start_time = 5",
        "params.lr = '0.01'", "params.lr = \"0.01\"", "params.lr = 0.01", "params.optimizer = adam",
        "params.optimizer = `adam`", "params.optimizer LIKE 'a%'", "params.optimizer ILIKE 'A%'",
        "params.optimizer ILIKE 'ÅDAM'", "params.optimizer RLIKE 'a'", "params.optimizer NOT LIKE 'a%'",
        "params.optimizer not  like 'a%'", "params.optimizer > 'a'", "params.optimizer IN ('adam')",
        "params.lr IS NULL", "params.lr IS NOT NULL", "params.lr is not null", "params.lr IS  NOT  NULL",
        "params.lr IS NOT\nNULL", "params.empty = ''", "params.empty IS NOT NULL", "params.note LIKE '%line2%'",
        "params.note LIKE 'line1%'", "params.note LIKE 'line1_line2%'", "params.back = 'a\\b'",
        "params.back LIKE 'a\\b'", "params.pct LIKE '50%'", "params.under LIKE 'a_b'", "params.quote = 'it''s'",
        "params.dq = 'say \"hi\"'", "params.dq = \"say \"hi\"\"", "params.`batch size` = '32'",
        "params.\"batch size\" = '32'", "params.'batch size' = '32'", "parameters.lr = '0.01'",
        "params.optimizer != 'adam'", "params.missing != 'x'", "params.optimizer = 'adam' run_id IN ('r01')",
        "params.optimizer = 'sgd' tags.env IS NULL", "run_id IN ('r01') params.optimizer = 'adam'",
        "tags.env IS NULL params.optimizer = 'adam'", "metrics.acc > 0.5 foo", "metrics.acc > 0.5 metrics.loss < 1",
        "AND", "AND AND", "AND metrics.acc > 0.5", "metrics.acc > 0.5 AND", "metrics.acc > 0.5 AND AND metrics.loss < 1",
        "tags.env = 'prod'", "tags.env = 'PROD'", "tags.env ILIKE 'prod'", "tags.env != 'prod'", "tags.env = ''",
        "tags.trailing LIKE 'abc'", "tags.trailing = 'abc'", "tags.multi LIKE 'a_b'", "tags.`it's` = \"quote'd\"",
        "tags.u ILIKE 'ålice'", "tags.u < 'b'", "tags.mlflow.runName = 'alpha'", "tags.`run name` = 'tagged'",
        "tags.env IS NULL", "tags.env IS NOT NULL", "tag.env = 'prod'",
        "attributes.status = 'FINISHED'", "status = 'FINISHED'", "status = 'finished'", "status != 'FINISHED'",
        "status IN ('FINISHED', 'FAILED')", "run_id IN ('r01', 'r02')", "run_id NOT IN ('r01')", "run_id in ('r01',)",
        "run_id IN ('r01' 'x')", "run_id IN ()", "run_id IN (1, 2)", "run_id IN ('9', 9)", "run_id IN (b'a')",
        "run_id IN ('\\x72\\x30\\x31')", "run_id IN (abc)", "run_id IN (f'a')", "run_id IN 'r01'",
        "run_id IN ['r01']", "run_id = ('r01')", "run_id != ('r01')", "run_id LIKE ('r01')", "run_id IN ('r01',,)",
        "`run_id` = 'r01'", "\"run_id\" = 'r01'", "run.run_id = 'r01'", "attr.run_id = 'r01'",
        "run_name = 'delta'", "`Run name` = 'delta'", "\"run name\" = 'beta'", "run name = 'beta'",
        "created > 1700000100000", "Created >= 1700000104000", "start_time >= 1700000104000.5",
        "start_time > '1700000120000'", "start_time = 1700000104000", "end_time != 0", "end_time IS NULL",
        "end_time > 0", "start_time LIKE 1", "user_id = 'alice'", "user_id ILIKE 'ALICE'",
        "artifact_uri LIKE '%r01%'", "lifecycle_stage = 'active'", "experiment_id = '1'", "foo = 'bar'",
        "foo.bar = 'x'", "dataset.name = 'train'", "datasets.digest = 'd1'", "dataset.context = 'training'",
        "dataset.context != 'training'", "dataset.name != 'train'", "dataset.name IN ('eval', 'test')",
        "dataset.name NOT IN ('eval')", "dataset.foo = 'x'", "dataset.name IS NULL", "dataset.name > 'a'",
        "dataset.name = 'train' AND dataset.digest = 'd3'", "dataset.name LIKE ('train')", "status = null",
        "status = true", "status = FINISHED", "0.5 < metrics.acc", "metrics.acc > 0.5 > 0.1",
        "metrics.acc > 0.5 ; ", "metrics.acc > 0.5;\n", "-- c", "/* c */", "metrics.acc > 0.5 # hi",
        "metrics.acc>0.5", "metrics.acc   >   0.5", "metrics.acc\n>\n0.5", "metrics.acc DESC > 0.5",
        "params.optimizer = 'adam' AND params.optimizer = 'adam'", "tags.env = 'prod' and tags.u = 'bob'",
        "status = 'FINISHED' And user_id = 'alice'", "metrics.acc > 0.5 AND metrics.acc < 1 AND params.lr = '0.01'",
        "params.lr = '0.01' OR", "metrics.acc > 1 AND status = 'x' OR", "run_id IN ('r01') AND run_id NOT IN ('r02')",
        "run_id NOT IN ('r01', 'r03') AND status != 'RUNNING'", "params.x = 'a' ; params.y = 'b'",
        "metrics.acc IN (1)", "tags.env IN ('prod')", "status = 'RUNNING' AND end_time IS NOT NULL",
        "metrics.acc > \u0660.\u0665", "start_time > \u0661\u0667\u0660\u0660\u0660\u0660\u0660\u0661\u0660\u0660\u0660\u0660\u0660",
        "metrics.acc >\u00a00.5", "metrics.acc\x1c>\x1c0.5", "tags.env ILIKE 'PRO\u212a'", "tags.env ILIKE '\u017f'",
        "tags.u ILIKE '\u00e5LICE'", "params.optimizer ILIKE '\u00c5DAM'", "status \u212aIKE 'F%'", "status LI\u212aE 'F%'",
        "params.lr = '0.01'\u2028AND params.optimizer = 'adam'", "metrics.acc > 0.5 \u0061nd params.lr = '0.01'",
    ],
    "experiments": [
        "", " ", "name = 'Default'", "name LIKE 'B%'", "name ILIKE 'b%'", "name ILIKE 'ålpha'", "name != 'Default'",
        "name IN ('Default')", "experiment_id IN ('0', '10')", "experiment_id NOT IN ('0')", "experiment_id = '9'",
        "experiment_id > '5'", "creation_time > 1650000000000", "creation_time = 1700000000000",
        "creation_time != 1", "creation_time < 1", "last_update_time >= 1690000000000", "last_update_time = 1.5",
        "creation_time > '1'", "creation_time LIKE 1", "tags.team = 'a'", "tag.team = 'a'", "tags.team != 'a'",
        "tags.team IS NULL", "tags.team IS NOT NULL", "tags.env = ''", "tags.team ILIKE 'a'",
        "tags.mlflow.note.content LIKE 'hel%'", "attribute.name = 'Default'", "attributes.name = 'Default'",
        "`tags`.team = 'a'", "tags.`team` = 'a'", "metrics.acc > 1", "name IS NULL", "foo = 'a'", "`name` = 'Default'",
        "name = 'a' OR name = 'b'", "(name = 'a')", "name = Default", "name = 1", "tags.team = 1",
        "tags.x = \"it's\"", "name = 'Beta' name = 'gamma'", "AND", "name = 'Beta' AND",
    ],
    "registered_models": [
        "", " ", "name = 'model-a'", "name LIKE 'model%'", "name ILIKE 'model%'", "name IN ('model-a', 'Model-B')",
        "name NOT IN ('model-a')", "name != 'mlflow.prompt.is_prompt'", "tags.team = 'a'", "tags.team != 'a'",
        "tags.`mlflow.prompt.is_prompt` = 'true'", "tags.`mlflow.prompt.is_prompt` = 'false'",
        "tags.`mlflow.prompt.is_prompt` != 'true'", "tags.`mlflow.prompt.is_prompt` LIKE 'f%'",
        "tags.team IS NULL", "`name` = 'model-a'", "run_id = 'x'", "attributes.name = 'x'", "name = 'a' -- hi",
        "name = 'model-a' AND", "name > 'a'", "tags.team > 'a'", "name = 1", "tags.team = 1", "name = 'a' OR name = 'b'",
        "tags.stage RLIKE 'p'", "name IN ()", "creation_timestamp > 1",
    ],
    "model_versions": [
        "", "name = 'model-a'", "version_number > 2", "version_number >= 2.5", "version_number = '10'",
        "version_number = 1.9", "version_number = 'abc'", "version_number = '1.5'", "version_number LIKE '1'",
        "version_number IN ('1')", "run_id = 'r01'", "run_id != 'r01'", "run_id NOT IN ('r01')", "run_id = ''",
        "run_id IN ('r01', 'r02')", "source_path LIKE 'file%'", "source_path = 's3://b/10'", "name = 1",
        "current_stage = 'None'", "creation_timestamp > 1", "tags.k = 'v'", "tags.k != 'v'",
        "tags.`mlflow.prompt.is_prompt` = 'true'", "tags.k IS NULL", "`name` = 'model-a'", "name = 'a' OR",
        "version_number > 1 AND name = 'model-a'", "version_number = ' 10 '", "version_number = '1_0'",
        "version_number > 1e999",
    ],
}

SPEC_ORDERS = {
    "runs": [[], ["metrics.acc"], ["metrics.acc DESC"], ["metrics.acc ASC"], ["metrics.loss DESC"],
             ["metrics.loss"], ["params.lr"], ["params.lr DESC", "metrics.acc"], ["tags.u"], ["tags.u DESC"],
             ["run_name DESC"], ["run_name"], ["end_time"], ["end_time DESC"], ["start_time"], ["created DESC"],
             ["Created"], ["`run name`"], ["run name"], ["timestamp"], ["TIMESTAMP"], ["timestamp DESC"],
             ["metrics.acc DESC "], [" metrics.acc"], [""], ["metrics.acc, metrics.loss"],
             ["metrics.acc DESC NULLS LAST"], ["metrics.in"], ["'metrics.acc'"], ["metrics.acc DESCENDING"],
             ["`metrics.f1 score` DESC"], ["metrics.`f1 score`"], ["metrics.\"f1 score\" DESC"],
             ["params.'batch size'"], ["metrics.`f1 score`DESC"], ["dataset.name"], ["foo"], ["foo.bar"],
             ["metrics.acc\tDESC"], ["metrics.acc  \n desc"], ["metrics.acc asc"], ["status", "run_id DESC"],
             ["bad1 x", "bad2 y"], ["dataset.name", "foo"], ["foo", "dataset.name"], ["metrics.created"],
             ["lifecycle_stage"], ["experiment_id"], ["user_id DESC", "metrics.acc"], ["metrics.'x"],
             ["`metrics`.acc DESC"], ["metrics.acc DESC", "params.lr ASC"], ["tags.env"],
             ["metrics.`a\"b`"], ["metrics.`a\\`"], ["metrics.'x"], ["\"\""], ["``"], ["metrics.\"\""]],
    "experiments": [[], ["name"], ["name DESC"], ["experiment_id"], ["experiment_id DESC"], ["creation_time"],
                    ["creation_time DESC"], ["last_update_time DESC"], ["last_update_time"], ["tags.team"],
                    ["foo"], ["name ASC", "experiment_id DESC"], ["creation_time DESC", "bad"], ["bad", "tags.x"],
                    ["metrics.acc"], ["attribute.name"], ["`name`"]],
    "registered_models": [[], ["name"], ["name DESC"], ["creation_timestamp"], ["creation_timestamp DESC"],
                          ["last_updated_timestamp DESC"], ["timestamp"], ["tags.team"], ["run_id"], ["foo"],
                          ["creation_timestamp", "name DESC"]],
    "model_versions": [[], ["name"], ["version_number"], ["version_number DESC"], ["creation_timestamp DESC"],
                       ["last_updated_timestamp"], ["run_id"], ["tags.k"], ["name DESC", "version_number ASC"]],
}


def b64(s):
    return base64.b64encode(s.encode() if isinstance(s, str) else s).decode()


PAGE_TOKENS = [None, "", b64('{"offset": 2}'), b64('{"offset": 0}'), b64('{"foo": 1}'), b64("not json"),
               "eyJvZmZzZXQiOiA1fQ", "eyJvZmZz!ZXQiOiA1fQ==garbage", "@@@", "eyJvZmZzZXQiOiA1fQ=", "e",
               b64('{"offset": "3"}'), b64('{"offset": " 3 "}'), b64('{"offset": "1_0"}'), b64('{"offset": 2.7}'),
               b64('{"offset": true}'), b64('{"offset": "abc"}'), b64('{"offset": NaN}'), b64('{"offset": -1}'),
               b64('{"offset": null}'), b64('{"offset": false}'), b64('{"offset": ""}'), b64('[1]'), b64('5'),
               b64('{"offset": [1]}'), b64('{"offset": Infinity}'), b64('{"offset": 1, "offset": 3}'),
               b64('{"a": 1, "offset": 0.0}'), b64(b'\xff\xfe'), b64('{"offset": 99999999999999999999999}'),
               b64('{"offset": 1e400}'), b64(' {"offset": 4} '), b64('{"offset": 2}x'),
               b64('{"offset": "\\u00e9"}'), b64('{"offset": 1.5e300}'), b64('{"offset": -0}'),
               b64('{"offset": 0, "x": [1.5, null, "a\'b"]}'), b64('{"offset": 3}'.encode("utf-16")),
               b64('\ufeff{"offset": 3}'), "ZXh0cmE9PQ==", "eyJvZmZzZXQiOiAyfQ===", "e=yJvZmZzZXQiOiAyfQ"]


def fragments():
    keys = ["metrics.acc", "metrics.loss", "metrics.x", "params.lr", "params.optimizer", "params.note", "tags.env",
            "tags.u", "tags.team", "status", "run_id", "run_name", "start_time", "end_time", "created", "user_id",
            "dataset.name", "dataset.context", "name", "experiment_id", "creation_time", "last_update_time",
            "version_number", "source_path", "tags.k", "tags.`mlflow.prompt.is_prompt`", "foo", "metrics.`f1 score`",
            "`metrics`.acc", "tags.`it's`", "params.\"batch size\"", "attribute.name", "attributes.status",
            "tag.team", "metrics", "tags.", "`name`", "\"run name\"", "Created", "metrics.val.acc", "x.y"]
    ops = ["=", "!=", "<", "<=", ">", ">=", "LIKE", "ILIKE", "like", "ilike", "RLIKE", "NOT LIKE", "==", "<>",
           "IN", "NOT IN", "in", "IS", "IS NOT", "is"]
    values = ["'prod'", "'adam'", "'a%'", "'%a%'", "'_'", "'%'", "''", "'0.01'", "'FINISHED'", "'r01'", "'train'",
              "\"prod\"", "0.5", "1", "-1", "0", "1e999", "1700000104000", "1700000104000.5", "2.5", "'10'", "'abc'",
              "adam", "NULL", "null", "true", "('r01', 'r02')", "('x')", "()", "(1, 2)", "('a',)", "('a' 'b')",
              "'it''s'", "\"it's\"", "'a\\'", "'ÅLICE'", "'å%'", "0x1f", "1_0", ".5", "5.", "'model-a'", "'true'",
              "'false'", "`x`", "'line1%'", "'abc'", "'a\nb'", "'Default'", "'B%'", "'d1'"]
    joins = [" AND ", " and ", " AND ", " ", " OR ", " AND AND ", "; ", " And "]
    return keys, ops, values, joins


def random_filter(rng):
    keys, ops, values, joins = fragments()
    n = rng.choice([1, 1, 1, 2, 2, 3])
    parts = []
    for i in range(n):
        k, op, v = rng.choice(keys), rng.choice(ops), rng.choice(values)
        if op in ("IS", "IS NOT", "is"):
            clause = f"{k} {op} NULL"
        else:
            sp = rng.choice([" ", " ", "", "  ", "\n"])
            clause = f"{k}{sp}{op}{sp}{v}"
        parts.append(clause)
        if i < n - 1:
            parts.append(rng.choice(joins))
    f = "".join(parts)
    r = rng.random()
    if r < 0.05:
        f = "(" + f + ")"
    elif r < 0.1:
        f = "NOT " + f
    elif r < 0.13:
        f = f + " -- c"
    elif r < 0.16:
        f = " " + f + " "
    elif r < 0.18:
        f = f + " AND"
    return f


def random_garbage(rng):
    alphabet = list("abcdemnrstu.'\"`()[],;:=<>!%_-+*/ \n\t0123456789") + ["AND", " IN ", " IS ", "NULL", "NOT",
                                                                          "metrics.", "params.", "tags.", "$$",
                                                                          "/*", "*/", "--", "é", "Å"]
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20)))


def random_unicode_filter(rng):
    """A filter with characters where Python and Rust disagree about classes or case."""
    odd = ["\x00", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\u3000", "\u200b", "\ufeff",
           "\u017f", "\u212a", "\u0130", "\u0131", "\u0663", "\u0661", "\u00b2", "\u093e", "\u00d7", "\u00f7",
           "\u00b4", "\u00e9", "\u0301", "\U0001d7ce", "\u2160", "ß", "ﬁ"]
    base = random_filter(rng)
    chars = list(base)
    for _ in range(rng.randint(1, 3)):
        chars.insert(rng.randint(0, len(chars)), rng.choice(odd))
    return "".join(chars)


def random_sql_garbage(rng):
    words = ["CASE", "WHEN", "THEN", "END", "BEGIN", "IF", "END IF", "FOR", "LOOP", "END LOOP", "WHERE", "ORDER BY",
             "LIMIT", "::", ":=", "AS", "as", "DATE", "'2020'", "TIMESTAMP", "timestamp", "VALUES", "OVER", "JOIN",
             "LEFT JOIN", "GO", "GO 2", "->", "->>", "#>", "@>", "<@", "?", "%s", "%(x)s", "$a", ":x", "\\cmd",
             "[a]", "(", ")", ",", ";", ".", "*", "AND", "OR", "NOT", "NULL", "IS", "IN", "LIKE", "NOT LIKE",
             "ASC", "DESC", "DESC NULLS FIRST", "CREATE", "TABLE", "SELECT", "DECLARE", "WHILE", "DO", "TRANSACTION",
             "metrics.acc", "params.lr", "tags.env", "status", "name", "run_id", "=", ">", "!=", "'x'", "1", "2.5",
             "\"q\"", "`b`", "$$x$$", "/* c */", "-- c\n", "# c\n", "\n", " ", " ", " ", "CURRENT_DATE", "+", "-",
             "/", "INTERVAL", "'1' DAY", "AT TIME ZONE 'UTC'", "DOUBLE PRECISION", "UNION ALL", "ROLE", "USING",
             "FROM", "x.y.z", "a . b", "0x1f", "1e5", "-3"]
    return " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))


def random_order(rng):
    keys = ["metrics.acc", "metrics.loss", "params.lr", "tags.u", "tags.env", "run_name", "start_time", "end_time",
            "status", "run_id", "created", "name", "experiment_id", "creation_time", "last_update_time",
            "creation_timestamp", "last_updated_timestamp", "version_number", "foo", "tags.team", "`metrics`.acc",
            "metrics.`f1 score`", "user_id", "timestamp", "dataset.name"]
    dirs = ["", " ASC", " DESC", " asc", " desc", "  DESC", " DESCENDING", " DESC NULLS LAST"]
    return [rng.choice(keys) + rng.choice(dirs) for _ in range(rng.choice([1, 1, 2, 3]))]


def main():
    n_random = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 0)
    cases = []
    for entity, filters in SPEC_FILTERS.items():
        for f in filters:
            cases.append(dict(entity=entity, op="filter", filter=f))
            if entity != "runs":
                continue
            for other in ENTITIES[1:]:
                cases.append(dict(entity=other, op="filter", filter=f))
    for entity, orders in SPEC_ORDERS.items():
        for ob in orders:
            cases.append(dict(entity=entity, op="order", order_by=ob))
            cases.append(dict(entity=entity, op="order", order_by=ob, empty=True))
            if entity == "runs":
                for other in ENTITIES[1:]:
                    cases.append(dict(entity=other, op="order", order_by=ob))
    for tok in PAGE_TOKENS:
        for n, mr in [(5, 2), (5, 10), (3, 0), (3, -1), (0, 0), (10, 3)]:
            cases.append(dict(entity="runs", op="page", page_token=tok, n=n, max_results=mr))
    for _ in range(n_random):
        entity = rng.choice(ENTITIES)
        r = rng.random()
        if r < 0.5:
            cases.append(dict(entity=entity, op="filter", filter=random_filter(rng)))
        elif r < 0.6:
            cases.append(dict(entity=entity, op="filter", filter=random_unicode_filter(rng)))
        elif r < 0.75:
            cases.append(dict(entity=entity, op="filter", filter=random_garbage(rng)))
        elif r < 0.85:
            g = random_sql_garbage(rng)
            if rng.random() < 0.5:
                cases.append(dict(entity=entity, op="filter", filter=g))
            else:
                cases.append(dict(entity=entity, op="order", order_by=[g], empty=rng.random() < 0.3))
        else:
            cases.append(dict(entity=entity, op="order", order_by=random_order(rng), empty=rng.random() < 0.2))
    like_alphabet = ["a", "b", "A", "_", "%", "\n", "å", "Å", "\\", ".", "ſ", "S", "K", "k", "\u212a", "İ", "i", "ı"]
    for _ in range(n_random // 4):
        pattern = "".join(rng.choice(like_alphabet) for _ in range(rng.randint(0, 6)))
        value = "".join(rng.choice(like_alphabet[:-0] if False else [c for c in like_alphabet if c not in "%_"])
                        for _ in range(rng.randint(0, 6)))
        cases.append(dict(entity="runs", op="like", pattern=pattern, value=value, ci=rng.random() < 0.5))
    for i, c in enumerate(cases):
        c["id"] = i
        print(json.dumps(c, ensure_ascii=False))


if __name__ == "__main__":
    main()
