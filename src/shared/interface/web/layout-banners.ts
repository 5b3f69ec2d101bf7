import { Injectable } from '@nestjs/common';
import type { Message } from '../../i18n/message.js';

export interface Banner {
  level: 'warning' | 'info';
  text: Message;
}

type BannerSource = () => Promise<Banner[]> | Banner[];

/**
 * Contexts register what every signed-in page should announce (the SLA context:
 * "no official calendar loaded for 2027"); the layout shows them.
 */
@Injectable()
export class LayoutBanners {
  private readonly sources: BannerSource[] = [];

  register(source: BannerSource): void {
    this.sources.push(source);
  }

  async collect(): Promise<Banner[]> {
    const lists = await Promise.all(this.sources.map(async (source) => source()));
    return lists.flat();
  }
}
