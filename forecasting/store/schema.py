"""The shop file's SQL schema as a list of forward migrations; position n turns version n-1 into n.

Never edit a migration that has shipped: add a new one. `tests/forecasting/test_shopfile.py` opens
files written at every older version and checks that their rows survive.
"""

from __future__ import annotations

# "BKMP" as a 32-bit integer, written to PRAGMA application_id so that a foreign SQLite file is refused.
APPLICATION_ID = 0x424B4D50

V1 = """
CREATE TABLE shop (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    state TEXT NOT NULL,
    postal_code TEXT,
    latitude REAL,
    longitude REAL,
    opening_days TEXT NOT NULL DEFAULT '0123456',
    opening_hours TEXT NOT NULL DEFAULT '{}',
    language TEXT NOT NULL DEFAULT 'de',
    created_at TEXT NOT NULL
);
CREATE TABLE closing_days (
    date TEXT PRIMARY KEY,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    category TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT 'Stück',
    price REAL NOT NULL DEFAULT 0 CHECK (price >= 0),
    unit_cost REAL NOT NULL DEFAULT 0 CHECK (unit_cost >= 0),
    salvage_value REAL NOT NULL DEFAULT 0 CHECK (salvage_value >= 0),
    pack_size REAL NOT NULL DEFAULT 1 CHECK (pack_size > 0),
    min_order REAL NOT NULL DEFAULT 0 CHECK (min_order >= 0),
    shelf_life_days INTEGER NOT NULL DEFAULT 1 CHECK (shelf_life_days >= 1),
    lead_time_days INTEGER NOT NULL DEFAULT 1 CHECK (lead_time_days >= 0),
    supplier TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    introduced TEXT,
    discontinued TEXT
);
CREATE TABLE sales (
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    quantity REAL NOT NULL,
    produced REAL,
    leftover REAL,
    sold_out_time TEXT,
    PRIMARY KEY (product_id, date)
) WITHOUT ROWID;
CREATE INDEX sales_by_date ON sales(date);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    strength REAL,
    source TEXT NOT NULL DEFAULT 'manual',
    uid TEXT,
    CHECK (end_date >= start_date)
);
CREATE TABLE weather (
    date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('observation', 'forecast')),
    temperature REAL,
    temperature_max REAL,
    precipitation REAL,
    sunshine REAL,
    source TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (date, kind)
) WITHOUT ROWID;
CREATE TABLE forecasts (
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    quantiles TEXT NOT NULL,
    median REAL NOT NULL,
    model TEXT NOT NULL,
    explanation TEXT NOT NULL DEFAULT '[]',
    computed_at TEXT NOT NULL,
    data_version INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (product_id, date)
) WITHOUT ROWID;
CREATE TABLE order_decisions (
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    suggested REAL,
    final REAL,
    reason_code TEXT,
    reason_text TEXT NOT NULL DEFAULT '',
    decided_by TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL,
    PRIMARY KEY (product_id, date)
) WITHOUT ROWID;
CREATE TABLE change_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '{}'
);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
"""

V2 = """
ALTER TABLE shop ADD COLUMN open_on_public_holidays INTEGER NOT NULL DEFAULT 0;
ALTER TABLE products ADD COLUMN delivery_weekdays TEXT NOT NULL DEFAULT '0123456';
ALTER TABLE products ADD COLUMN service_level REAL CHECK (service_level > 0 AND service_level < 1);
CREATE TABLE product_aliases (
    alias TEXT PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE
);
CREATE TABLE stock (
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    on_hand REAL NOT NULL DEFAULT 0,
    on_order REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (product_id, date)
) WITHOUT ROWID;
CREATE TABLE true_demand (
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    demand REAL NOT NULL,
    PRIMARY KEY (product_id, date)
) WITHOUT ROWID;
CREATE TABLE models (
    name TEXT PRIMARY KEY,
    model_text TEXT NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}',
    fitted_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO meta(key, value) VALUES ('data_version', '0');
"""

# V3 (issue 3, import): the time of the last sale of a product on a day, from receipt lines.
# Not a sell-out time: a product may simply not be bought late in the day (see docs/import.md).
V3 = """
ALTER TABLE sales ADD COLUMN last_sale_time TEXT;
"""

# V4: a promotion ("Aktion") can be for one product; NULL = the whole shop (all other events).
V4 = """
ALTER TABLE events ADD COLUMN product_id INTEGER REFERENCES products(id) ON DELETE SET NULL;
"""

# V5 (issue 14): trained models and finished forecasts live in the user's cache folder
# (forecasting/models/persist.py), so reading suggestions never writes to the shop file; the
# shop's random id names its cache folder (copies and moved files find their trained model).
V5 = """
DROP TABLE models;
INSERT OR IGNORE INTO meta(key, value) VALUES ('shop_id', lower(hex(randomblob(16))));
"""

# V6 (issue 15, DSFinV-K import): receipt times per day -- first and last sale, and per hour the
# sales receipts and the net quantity they sold -- for later intraday features.
V6 = """
CREATE TABLE receipt_days (
    date TEXT PRIMARY KEY,
    first_sale TEXT,
    last_sale TEXT,
    receipts INTEGER NOT NULL CHECK (receipts >= 0)
) WITHOUT ROWID;
CREATE TABLE receipt_hours (
    date TEXT NOT NULL REFERENCES receipt_days(date) ON DELETE CASCADE,
    hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
    receipts INTEGER NOT NULL CHECK (receipts >= 0),
    quantity REAL NOT NULL,
    PRIMARY KEY (date, hour)
) WITHOUT ROWID;
"""

# V7 (issue 19, supplier lists): suppliers the owner describes and the products' article numbers.
V7 = """
CREATE TABLE suppliers (
    name TEXT PRIMARY KEY,
    customer_number TEXT NOT NULL DEFAULT '',
    columns TEXT NOT NULL DEFAULT ''
);
ALTER TABLE products ADD COLUMN article_number TEXT NOT NULL DEFAULT '';
"""

# V8 (issue 15, products that come and go): the owner's selling season of a product ("" = detect
# from the sales, "year" = all year, "MM-DD:MM-DD" = from, to; forecasting/seasons.py).
V8 = """
ALTER TABLE products ADD COLUMN season TEXT NOT NULL DEFAULT '';
"""

# V9 (issue 21, the stock loop): a decided order of goods that keep remembers the day it is
# delivered (an open order until then); goods receipts (what really came) and write-offs.
V9 = """
ALTER TABLE order_decisions ADD COLUMN delivery_date TEXT;
CREATE TABLE stock_moves (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('receipt', 'writeoff')),
    quantity REAL NOT NULL CHECK (quantity >= 0),
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stock_moves_product_date ON stock_moves(product_id, date);
"""

# V10 (issue 21, suppliers the owner keeps): when a supplier delivers (weekdays, lead time, order
# cut-off, dates without delivery) and its minimum order value; per product whether its delivery
# weekdays and lead time are its own (else the supplier's). Existing products keep what they had
# set: values other than the old defaults (every day, one day) count as their own.
V10 = """
ALTER TABLE suppliers ADD COLUMN delivery_weekdays TEXT NOT NULL DEFAULT '';
ALTER TABLE suppliers ADD COLUMN lead_time_days INTEGER CHECK (lead_time_days >= 0);
ALTER TABLE suppliers ADD COLUMN cutoff TEXT NOT NULL DEFAULT '';
ALTER TABLE suppliers ADD COLUMN no_delivery_days TEXT NOT NULL DEFAULT '';
ALTER TABLE suppliers ADD COLUMN min_order_value REAL NOT NULL DEFAULT 0
    CHECK (min_order_value >= 0);
ALTER TABLE products ADD COLUMN own_delivery_weekdays INTEGER NOT NULL DEFAULT 0;
ALTER TABLE products ADD COLUMN own_lead_time INTEGER NOT NULL DEFAULT 0;
UPDATE products SET own_delivery_weekdays = (delivery_weekdays <> '0123456'),
                    own_lead_time = (lead_time_days <> 1);
"""

# V11 (issue 15, facts from the data): the public holidays on which the shop does the opposite of
# its rule (open on holidays or not), by German name, as a JSON list; e.g. closed on holidays but
# open on Ostermontag, as the Kiel bakery's sales show.
V11 = """
ALTER TABLE shop ADD COLUMN holiday_exceptions TEXT NOT NULL DEFAULT '[]';
"""

MIGRATIONS: list[str] = [V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11]
CURRENT_VERSION = len(MIGRATIONS)
