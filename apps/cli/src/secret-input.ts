/**
 * Reads one line from standard input: a password piped in (`… | npm run cli -- user add …`), or
 * typed at a terminal without being echoed. The line ends at the first newline; a trailing CR
 * (a file saved on Windows) is not part of it.
 */
export async function readSecretLine(
  input: NodeJS.ReadStream | NodeJS.ReadableStream,
  prompt: (text: string) => void,
): Promise<string> {
  const tty = input as NodeJS.ReadStream;
  if (tty.isTTY && typeof tty.setRawMode === 'function') return readFromTerminal(tty, prompt);
  input.setEncoding('utf8');
  let text = '';
  for await (const chunk of input) {
    text += chunk as string;
    const newline = text.indexOf('\n');
    if (newline >= 0) return text.slice(0, newline).replace(/\r$/, '');
  }
  return text.replace(/\r$/, '');
}

function readFromTerminal(tty: NodeJS.ReadStream, prompt: (text: string) => void): Promise<string> {
  prompt('Password (not shown): ');
  tty.setEncoding('utf8');
  tty.setRawMode(true);
  tty.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error?: Error) => {
      tty.setRawMode(false);
      tty.pause();
      tty.removeListener('data', onData);
      prompt('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += ch;
      }
    };
    tty.on('data', onData);
  });
}
