package ai.pmoves.engine.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the embedded engine's library (zonky and what it needs) from jars resolved when {@code start} runs, beside
 * the plugin's class loader rather than in it: the plugin declares no such dependency, so the goals that never start
 * a server do not resolve it on every build. The classes of {@code ownClass} are defined here, from the plugin's
 * own bytes, so that they link against the library; everything else comes from the parent first.
 */
final class EngineClassLoader extends URLClassLoader {
    private final String ownClass;

    EngineClassLoader(List<Path> jars, ClassLoader parent, String ownClass) {
        super(urls(jars), parent);
        this.ownClass = ownClass;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.equals(ownClass) && !name.startsWith(ownClass + "$")) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = defineOwn(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> defineOwn(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    private static URL[] urls(List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (IOException e) {
                throw new IllegalArgumentException("not a jar path: " + jars.get(i), e);
            }
        }
        return urls;
    }
}
