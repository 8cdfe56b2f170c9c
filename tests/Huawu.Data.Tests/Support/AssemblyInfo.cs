// Stops the shared PostgreSQL cluster when the run ends.
[assembly: TestFramework("Huawu.Testing.Postgres.PostgresTestFramework", "Huawu.Testing")]
