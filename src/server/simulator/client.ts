/** The few HTTP calls the simulator makes, all to the one service URL it was given. */
export interface Answer<T> {
  status: number;
  body: T;
}

export class ServiceClient {
  private token = '';

  constructor(private readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<void> {
    const answer = await this.call<{ token: string }>('POST', '/v1/auth/login', { username, password });
    if (answer.status !== 200) throw new Error(`cannot sign in as ${username}: ${JSON.stringify(answer.body)}`);
    this.token = answer.body.token;
  }

  async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }
}
