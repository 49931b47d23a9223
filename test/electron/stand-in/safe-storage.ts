/**
 * `safeStorage` with a reversible stand-in cipher (XOR plus a version prefix, like Chromium's `v10`): enough to
 * prove that what reaches the disk is the ciphertext and that decryption is what turns it back.
 */
const PREFIX = Buffer.from('v10');
const KEY = 0x5a;

export class SafeStorage {
  available = true;

  isEncryptionAvailable(): boolean {
    return this.available;
  }

  encryptString(plainText: string): Buffer {
    if (!this.available)
      throw new Error('Error while encrypting the text provided to safeStorage.encryptString.');
    const body = Buffer.from(plainText, 'utf8').map((byte) => byte ^ KEY);
    return Buffer.concat([PREFIX, body]);
  }

  decryptString(encrypted: Buffer): string {
    if (!this.available)
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    if (!encrypted.subarray(0, PREFIX.length).equals(PREFIX))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(encrypted.subarray(PREFIX.length).map((byte) => byte ^ KEY)).toString('utf8');
  }

  reset(): void {
    this.available = true;
  }
}
