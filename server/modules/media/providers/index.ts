// Picks the storage from the environment: S3 when S3_BUCKET is set, else local disk.
import "server-only";
import path from "node:path";
import { env } from "@/server/env";
import { createLocalDiskStorage } from "./local-disk";
import { createS3Storage } from "./s3";
import type { MediaStorage } from "./storage";

export type { MediaStorage } from "./storage";

let storage: MediaStorage | undefined;

export function getMediaStorage(): MediaStorage {
  storage ??= env.S3_BUCKET
    ? createS3Storage({
        bucket: env.S3_BUCKET,
        region: env.S3_REGION,
        endpoint: env.S3_ENDPOINT,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
        forcePathStyle: env.S3_FORCE_PATH_STYLE,
      })
    : createLocalDiskStorage(path.resolve(process.cwd(), env.MEDIA_DIR ?? ".data/media"));
  return storage;
}
