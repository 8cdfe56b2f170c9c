// The PostgreSQL verb tests start the shared test cluster; this stops it when the run ends.
[assembly: TestFramework("Huawu.Testing.Postgres.PostgresTestFramework", "Huawu.Testing")]
