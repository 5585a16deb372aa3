CREATE TABLE shop.products (
    sku   text PRIMARY KEY,
    price numeric(10, 2) NOT NULL CHECK (price >= 0)
);
