// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IMarketplace} from "../src/interfaces/IMarketplace.sol";
import {Reputation} from "../src/Reputation.sol";
import {MarketplaceTestBase} from "./utils/MarketplaceTestBase.sol";

/// The Marketplace wired to the real Reputation (both behind their proxies): settlements earn XP,
/// rulings cost the loser XP, and Reputation.rate reads the Marketplace's orders.
contract MarketplaceIntegrationTest is MarketplaceTestBase {
    Reputation internal rep;

    function setUp() public {
        vm.warp(1_700_000_000);
        Reputation impl = new Reputation();
        rep = Reputation(
            address(new ERC1967Proxy(address(impl), abi.encodeCall(Reputation.initialize, (admin, address(0)))))
        );
        _deployMarketWith(address(rep));
        bytes32 marketRole = rep.MARKET_ROLE();
        vm.startPrank(admin);
        rep.setMarketplace(address(market));
        rep.grantRole(marketRole, address(market));
        vm.stopPrank();
    }

    function test_settlementEarnsXpAndBuyerRatesTheSeller() public {
        uint256 orderId = _delivered();
        _accept(orderId);
        assertGt(rep.xpOf(seller), 0, "seller earned XP");
        assertGt(rep.xpOf(buyer), 0, "buyer earned XP");
        assertEq(rep.totalXp(), rep.xpOf(seller) + rep.xpOf(buyer));

        vm.prank(buyer);
        rep.rate(orderId, 5, "ipfs://review");
        assertTrue(rep.hasRated(orderId));
        assertEq(rep.ratingOf(seller).count, 1);
    }

    function test_releaseEarnsXpLikeAccept() public {
        uint256 orderId = _delivered();
        vm.warp(_reviewEnd(orderId));
        market.release(orderId);
        assertGt(rep.xpOf(seller), 0);
    }

    function test_refundedOrderEarnsNothingAndCannotBeRated() public {
        (, uint256 orderId) = _listAndOrder();
        vm.prank(seller);
        market.cancel(orderId);
        assertEq(rep.xpOf(seller), 0);
        vm.prank(buyer);
        vm.expectRevert();
        rep.rate(orderId, 1, "");
    }

    function test_rulingsCostTheLoserXp() public {
        uint256 serviceId = _list();
        // Both earn XP first.
        uint256 first = _order(buyer, serviceId);
        _deliver(first);
        _accept(first);
        uint256 sellerXp = rep.xpOf(seller);
        uint256 buyerXp = rep.xpOf(buyer);

        uint256 lost = _order(buyer, serviceId);
        _deliver(lost);
        _dispute(lost);
        _rule(lost, IMarketplace.Ruling.Buyer);
        assertLt(rep.xpOf(seller), sellerXp, "seller lost the dispute");
        assertEq(rep.xpOf(buyer), buyerXp);

        uint256 won = _order(buyer, serviceId);
        _deliver(won);
        _dispute(won);
        uint256 sellerBefore = rep.xpOf(seller);
        _rule(won, IMarketplace.Ruling.Seller);
        assertGt(rep.xpOf(seller), sellerBefore, "seller earned the settlement");
        assertLt(rep.xpOf(buyer), buyerXp, "buyer lost the dispute");
        vm.prank(buyer);
        rep.rate(won, 2, ""); // a ruling for the seller is rateable

        uint256 refused = _order(buyer, serviceId);
        _deliver(refused);
        _dispute(refused);
        uint256 s = rep.xpOf(seller);
        uint256 b = rep.xpOf(buyer);
        _rule(refused, IMarketplace.Ruling.Refused);
        assertEq(rep.xpOf(seller), s, "refused: nobody gains or loses");
        assertEq(rep.xpOf(buyer), b);
    }
}
