// Types for kafka-jar-broker.mjs (plain JavaScript so a bare `node` can run it too).

export declare function kafkaClasspath(): Promise<string>;
export declare function javaAvailable(): Promise<boolean>;

export interface JarBrokerOptions {
  /** Keep the broker's data here (reuse it to restart on the same log); default: a temp dir. */
  dataDir?: string;
  classpath?: string;
  port?: number;
  controllerPort?: number;
  /** Default partitions of auto-created topics (3). */
  partitions?: number;
  readyTimeoutMs?: number;
}

export declare class JarKafkaBroker {
  readonly dataDir: string;
  readonly port: number;
  readonly controllerPort: number;
  readonly logFile: string;
  readonly brokers: string[];
  readonly readyTimeoutMs: number;
  readonly running: boolean;
  start(): Promise<void>;
  stop(timeoutMs?: number): Promise<void>;
  kill(): Promise<void>;
  destroy(): Promise<void>;
}

export declare function startJarBroker(options?: JarBrokerOptions): Promise<JarKafkaBroker>;
