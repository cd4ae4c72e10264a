import type { EventName, EventPayload } from '../../shared/contract/api';

export type EventListener = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

/** Fans main's events out to every connected renderer, whichever transport it came through. */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const listener of this.listeners) listener(name, payload);
  }
}
