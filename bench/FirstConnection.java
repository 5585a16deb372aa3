import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * Run by bench/migrate-bench.sh and bench/seed-bench.sh: a fresh JVM's first JDBC connection with the driver the plugin
 * uses, as the plugin's goals open theirs. Prints the milliseconds from loading the driver to the answer of a first
 * {@code SELECT 1}: the part of a goal's fixed cost that any JVM tool pays (the driver's classes loaded and run cold,
 * the server starting a backend), to set beside what the plugin adds to it. The JVM's own start is not in it; the empty
 * Maven build already pays that.
 */
public class FirstConnection {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Properties properties = new Properties();
        properties.setProperty("user", args[1]);
        try (Connection c = DriverManager.getConnection(args[0], properties); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1")) {
            rs.next();
        }
        System.out.println((System.nanoTime() - start) / 1_000_000);
    }
}
