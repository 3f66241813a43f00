CREATE SCHEMA app;
CREATE TABLE app.users (id bigint PRIMARY KEY, email text NOT NULL, active boolean DEFAULT true);
CREATE TABLE app.orders (id bigint PRIMARY KEY, user_id bigint REFERENCES app.users (id), total numeric(12,2), placed date);
SET search_path = app;
CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;
CREATE VIEW user_totals AS
  SELECT u.id, u.email, coalesce(sum(o.total), 0) AS total, count(o.id) AS n
  FROM active_users u LEFT JOIN orders o ON o.user_id = u.id
  GROUP BY u.id, u.email;
CREATE VIEW recent (order_id, day) AS
  WITH r AS (SELECT id, placed FROM orders WHERE placed > date '2020-01-01')
  SELECT id, placed FROM r ORDER BY placed DESC;
CREATE VIEW big_users WITH (security_barrier = true) AS
  SELECT * FROM user_totals WHERE total > 100 AND email LIKE '%@%' OR id IN (1, 2, 3);
CREATE VIEW upd AS SELECT id, email FROM users WHERE active WITH CASCADED CHECK OPTION;
CREATE MATERIALIZED VIEW monthly AS
  SELECT date_trunc('month', placed) AS month, sum(total) AS total FROM orders GROUP BY 1;
CREATE INDEX monthly_month ON monthly (month);
COMMENT ON VIEW active_users IS 'who is active';
COMMENT ON COLUMN user_totals.n IS 'order count';
COMMENT ON MATERIALIZED VIEW monthly IS 'by month';
COMMENT ON INDEX monthly_month IS 'month lookup';
