import type { Metadata } from 'next';
import { OrdersIsland } from '@/components/forms/islands';

export const metadata: Metadata = { title: 'My orders' };

export default function OrdersPage() {
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold">My orders</h1>
        <p className="mt-1 text-slate-700">Orders you placed and orders placed with you, with what you can do about each now.</p>
      </div>
      <OrdersIsland />
    </div>
  );
}
