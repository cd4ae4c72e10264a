import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pddSignBase, signPdd } from '../../../src/server/connectors/pdd/sign';
import { signTop, topSignBase } from '../../../src/server/connectors/taobao/sign';

describe('platform request signing', () => {
  // TOP's own worked example (签名算法, docId 101617): secret "helloworld".
  const top = {
    method: 'taobao.item.seller.get',
    app_key: '12345678',
    session: 'test',
    timestamp: '2016-01-01 12:00:00',
    format: 'json',
    v: '2.0',
    sign_method: 'md5',
    fields: 'num_iid,title,nick,price,num',
    num_iid: '11223344',
  };

  it('signs a TOP request with md5 exactly as the platform’s worked example', () => {
    expect(topSignBase(top)).toBe(
      'app_key12345678fieldsnum_iid,title,nick,price,numformatjsonmethodtaobao.item.seller.getnum_iid11223344sessiontestsign_methodmd5timestamp2016-01-01 12:00:00v2.0',
    );
    expect(signTop(top, 'helloworld', 'md5')).toBe('66987CB115214E59E6EC978214934FB8');
  });

  it('signs with hmac as HMAC-MD5 over the bare concatenation, and leaves the sign itself out', () => {
    const params = { ...top, sign_method: 'hmac', sign: 'ignored' };
    const expected = createHmac('md5', 'helloworld').update(topSignBase(params)).digest('hex').toUpperCase();
    expect(signTop(params, 'helloworld', 'hmac')).toBe(expected);
    expect(topSignBase(params)).not.toContain('ignored');
    expect(signTop(params, 'helloworld', 'hmac-sha256')).toHaveLength(64);
  });

  it('signs a 拼多多 request exactly as the platform’s worked example', () => {
    // 拼多多 接入指南's example: client_secret "testSecret".
    const params = {
      type: 'pdd.order.number.list.get',
      client_id: '1',
      access_token: 'asd78172s8ds9a921j9qqwda12312w1w21211',
      data_type: 'XML',
      timestamp: '1480411125',
      order_status: '1',
      page: '1',
      page_size: '10',
    };
    expect(pddSignBase(params)).toBe(
      'access_tokenasd78172s8ds9a921j9qqwda12312w1w21211client_id1data_typeXMLorder_status1page1page_size10timestamp1480411125typepdd.order.number.list.get',
    );
    expect(signPdd(params, 'testSecret')).toBe('E4DE3ED21002510DED352819E7AE6775');
  });
});
