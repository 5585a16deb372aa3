// A "server" that completes the TCP handshake (the kernel does, from the backlog) and never says a word
def blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
Thread.startDaemon { try { Thread.sleep(120_000) } finally { blackHole.close() } }
new File(basedir, 'blackhole.properties').text = "pmoves.url=jdbc:postgresql://localhost:${blackHole.localPort}/postgres\n"
true
