import { decimalToFen, fenToDecimal } from './money';
import { parseXml, XmlRefused } from './xml';

const refusal = (xml: string | Buffer, limits?: Parameters<typeof parseXml>[1]) => {
  try {
    parseXml(Buffer.isBuffer(xml) ? xml : Buffer.from(xml), limits);
  } catch (error) {
    if (error instanceof XmlRefused) return { code: error.code, message: error.message };
    throw error;
  }
  return null;
};

describe('safe XML reading', () => {
  it('refuses a billion-laughs document without expanding anything', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      '  <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
      ']>',
      '<iati-activities version="2.03"><iati-activity><iati-identifier>&lol9;</iati-identifier></iati-activity></iati-activities>',
    ].join('\n');
    const started = Date.now();
    expect(refusal(lol)).toMatchObject({ code: 'XML_DOCTYPE' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses an external entity (XXE) and never reads the file it names', () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<iati-activities version="2.03"><iati-activity><iati-identifier>&xxe;</iati-identifier></iati-activity></iati-activities>`;
    const r = refusal(xxe);
    expect(r).toMatchObject({ code: 'XML_DOCTYPE' });
    expect(r!.message).not.toContain('root:');
    // Even without a DOCTYPE, an entity reference that is not one of the five predefined ones is an error.
    expect(refusal('<a>&xxe;</a>')).toMatchObject({ code: 'XML_MALFORMED' });
    expect(refusal('<!DOCTYPE a SYSTEM "http://example.org/a.dtd"><a/>')).toMatchObject({ code: 'XML_DOCTYPE' });
  });

  it('reads predefined entities, character references, CDATA, xml:lang and foreign namespaces', () => {
    const root = parseXml(
      Buffer.from('<r xmlns:x="urn:x" x:flag="1"><n xml:lang="zh">A &amp; B &#x4E2D;<![CDATA[<c>]]></n></r>'),
    );
    expect(root.attrs['{urn:x}flag']).toBe('1');
    expect(root.children[0]).toMatchObject({ name: 'n', text: 'A & B 中<c>', attrs: { 'xml:lang': 'zh' } });
  });

  it('refuses malformed, non-UTF-8, oversize and absurdly deep input', () => {
    expect(refusal('<a><b></a>')).toMatchObject({ code: 'XML_MALFORMED' });
    expect(refusal('')).toMatchObject({ code: 'XML_MALFORMED' });
    expect(refusal(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]))).toMatchObject({
      code: 'XML_ENCODING',
    });
    expect(refusal('<?xml version="1.0" encoding="ISO-8859-1"?><a/>')).toMatchObject({ code: 'XML_ENCODING' });
    expect(refusal(`<a>${'x'.repeat(2000)}</a>`, { maxBytes: 1000, maxElements: 10, maxDepth: 10 })).toMatchObject({
      code: 'XML_TOO_LARGE',
    });
    expect(refusal(`${'<a>'.repeat(50)}${'</a>'.repeat(50)}`)).toMatchObject({ code: 'XML_TOO_LARGE' });
    expect(refusal(`<r>${'<a/>'.repeat(20)}</r>`, { maxBytes: 10_000, maxElements: 10, maxDepth: 10 })).toMatchObject({
      code: 'XML_TOO_LARGE',
    });
  });
});

describe('exact money', () => {
  it('turns fen into IATI decimals and back without floating point', () => {
    expect(fenToDecimal(12345678901)).toBe('123456789.01');
    expect(fenToDecimal(1)).toBe('0.01');
    expect(fenToDecimal(0)).toBe('0.00');
    expect(fenToDecimal(-15)).toBe('-0.15');
    expect(fenToDecimal(10_000_000_000_000)).toBe('100000000000.00');
    expect(decimalToFen('123456789.01')).toBe(12345678901);
    expect(decimalToFen('0.01')).toBe(1);
    expect(decimalToFen(' 42 ')).toBe(4200);
    expect(decimalToFen('42.5')).toBe(4250);
    expect(decimalToFen('-3.10')).toBe(-310);
    expect(decimalToFen('1.000')).toBe(100);
    expect(decimalToFen('0.105')).toBeNull();
    expect(decimalToFen('1e5')).toBeNull();
    expect(decimalToFen('12,000')).toBeNull();
    expect(decimalToFen('99999999999999999.99')).toBeNull();
    for (const fen of [1, 7, 10, 99, 100, 12345678901, 9007199254740991 - 1])
      expect(decimalToFen(fenToDecimal(fen))).toBe(fen);
  });
});
