package ltf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node on loopback, HTTP only, no security plugin, data in
 * a temporary folder. It binds its HTTP port itself (port 0: whatever is
 * free, so two runs and the other test servers never race for one) and
 * prints "READY <port>" once it answers. It stops when its standard input
 * closes, so the test that started it never leaves it behind.
 */
public final class OpenSearchNode {
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Path home = Files.createTempDirectory("ltf-opensearch");
        Settings settings = Settings.builder()
            .put("cluster.name", "ltf-test")
            .put("node.name", "ltf-node")
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            .put("transport.port", 0)
            .put("node.processors", 1)
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
        Environment env = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "ltf-node");
        Node node = new PluginNode(env, List.of(Netty4Plugin.class));
        node.start();
        int bound = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
        System.out.println("READY " + bound);
        System.out.flush();
        while (System.in.read() != -1) {
            // Stop when the parent closes our stdin (or exits).
        }
        node.close();
    }

    /** A node with plugins from the classpath (HTTP), as tests start one. */
    static final class PluginNode extends Node {
        PluginNode(Environment env, Collection<Class<? extends Plugin>> plugins) {
            super(env, plugins, true);
        }
    }
}
