// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {CollaboratorRegistry} from "../src/CollaboratorRegistry.sol";
import {IMarketplace} from "../src/interfaces/IMarketplace.sol";
import {IReputation} from "../src/interfaces/IReputation.sol";
import {Marketplace} from "../src/Marketplace.sol";
import {MarketplaceTestBase} from "./utils/MarketplaceTestBase.sol";
import {MarketplaceActor, MarketplaceReputationMock} from "./mocks/MarketplaceMocks.sol";
import {ArbitratorMock} from "./mocks/ArbitratorMock.sol";
import {IArbitrable} from "../src/interfaces/IArbitrable.sol";
import {IEvidence} from "../src/interfaces/IEvidence.sol";

contract MarketplaceTest is MarketplaceTestBase {
    bytes32 internal constant STORAGE_LOCATION = 0xf3e467af75a61393ae33157717933ef59375af2a1f816ba8f0a144490166ea00;
    bytes32 internal constant DEFAULT_ADMIN_ROLE = 0x00;

    bytes32 internal GOVERNOR_ROLE;
    bytes32 internal UPGRADER_ROLE;

    IMarketplace.OrderState internal constant NONE = IMarketplace.OrderState.None;
    IMarketplace.OrderState internal constant ORDERED = IMarketplace.OrderState.Ordered;
    IMarketplace.OrderState internal constant DELIVERED = IMarketplace.OrderState.Delivered;
    IMarketplace.OrderState internal constant SETTLED = IMarketplace.OrderState.Settled;
    IMarketplace.OrderState internal constant REFUNDED = IMarketplace.OrderState.Refunded;
    IMarketplace.OrderState internal constant DISPUTED = IMarketplace.OrderState.Disputed;
    IMarketplace.OrderState internal constant RULED = IMarketplace.OrderState.Ruled;

    function setUp() public {
        _deployMarketDefault();
        GOVERNOR_ROLE = market.GOVERNOR_ROLE();
        UPGRADER_ROLE = market.UPGRADER_ROLE();
    }

    // ───────────────────────────── helpers ─────────────────────────────

    function _expectUnauthorized(address who, bytes32 role) internal {
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, who, role));
    }

    function _expectWrongState(uint256 orderId, IMarketplace.OrderState state) internal {
        vm.expectRevert(abi.encodeWithSelector(Marketplace.WrongState.selector, orderId, state));
    }

    function _refundable() internal returns (uint256 orderId) {
        (, orderId) = _listAndOrder();
        vm.warp(market.getOrder(orderId).deliverBy + 1);
    }

    /// An order in each terminal state: settled, refunded (deadline), refunded (cancel), ruled.
    function _terminalOrders() internal returns (uint256[4] memory ids) {
        uint256 serviceId = _list();
        ids[0] = _order(buyer, serviceId);
        _deliver(ids[0]);
        _accept(ids[0]);
        ids[1] = _order(buyer, serviceId);
        ids[2] = _order(buyer, serviceId);
        vm.prank(seller);
        market.cancel(ids[2]);
        ids[3] = _order(buyer, serviceId);
        _deliver(ids[3]);
        _dispute(ids[3]);
        _rule(ids[3], IMarketplace.Ruling.Seller);
        vm.warp(block.timestamp + 91 days);
        market.refund(ids[1]);
    }

    // ─────────────────────────── constants ───────────────────────────

    function test_constants_haveDocumentedValues() public view {
        assertEq(market.KIND_SERVICE(), registry.KIND_SERVICE());
        assertEq(market.MAX_TITLE_LENGTH(), 96);
        assertEq(market.MAX_URI_LENGTH(), 256);
        assertEq(market.MIN_DELIVERY_WINDOW(), 1 minutes);
        assertEq(market.MAX_DELIVERY_WINDOW(), 90 days);
        assertEq(market.MIN_REVIEW_WINDOW(), 1 hours);
        assertEq(market.MAX_REVIEW_WINDOW(), 30 days);
        assertEq(market.MAX_FEE_BPS(), 1000);
        assertEq(market.BPS(), 10_000);
        assertEq(market.MAX_PAGE_SIZE(), 500);
        assertEq(GOVERNOR_ROLE, keccak256("GOVERNOR_ROLE"));
        assertEq(market.DISPUTE_CHOICES(), 2);
        assertEq(UPGRADER_ROLE, keccak256("UPGRADER_ROLE"));
    }

    // ─────────────────────────── initialize ───────────────────────────

    function test_initialize_setsParametersAndEmptyState() public view {
        assertEq(market.registry(), address(registry));
        assertEq(market.reputation(), address(reputation));
        assertEq(market.treasury(), treasury);
        assertEq(market.feeBps(), FEE_BPS);
        assertEq(market.reviewWindow(), REVIEW_WINDOW);
        assertEq(market.serviceCount(), 0);
        assertEq(market.orderCount(), 0);
        assertEq(market.totalOwed(), 0);
        assertEq(market.accruedFees(), 0);
        assertEq(market.creditOf(treasury), 0);
    }

    function test_initialize_grantsEveryRoleToAdmin() public view {
        assertTrue(market.hasRole(DEFAULT_ADMIN_ROLE, admin));
        assertTrue(market.hasRole(GOVERNOR_ROLE, admin));
        assertTrue(market.hasRole(UPGRADER_ROLE, admin));
        assertFalse(market.hasRole(DEFAULT_ADMIN_ROLE, address(this)));
        assertFalse(market.hasRole(keccak256("ARBITRATOR_ROLE"), admin), "no arbitrator role any more");
        assertEq(market.getRoleAdmin(GOVERNOR_ROLE), DEFAULT_ADMIN_ROLE);
        assertEq(market.getRoleAdmin(UPGRADER_ROLE), DEFAULT_ADMIN_ROLE);
    }

    function test_initialize_emitsParameterEvents() public {
        Marketplace impl = new Marketplace();
        address expectedProxy = vm.computeCreateAddress(address(this), vm.getNonce(address(this)));
        vm.expectEmit(expectedProxy);
        emit Marketplace.FeeSet(100);
        vm.expectEmit(expectedProxy);
        emit Marketplace.ReviewWindowSet(2 days);
        vm.expectEmit(expectedProxy);
        emit Marketplace.TreasurySet(treasury, address(0), 0);
        vm.expectEmit(expectedProxy);
        emit Marketplace.ReputationSet(address(reputation));
        new ERC1967Proxy(
            address(impl),
            abi.encodeCall(
                Marketplace.initialize, (admin, address(registry), address(reputation), treasury, 100, 2 days)
            )
        );
    }

    function test_initialize_revertsOnAnyZeroAddress() public {
        address r = address(registry);
        address p = address(reputation);
        address[4][4] memory cases = [
            [address(0), r, p, treasury],
            [admin, address(0), p, treasury],
            [admin, r, address(0), treasury],
            [admin, r, p, address(0)]
        ];
        for (uint256 i; i < 4; ++i) {
            Marketplace impl = new Marketplace();
            vm.expectRevert(abi.encodeWithSelector(Marketplace.ZeroAddress.selector));
            new ERC1967Proxy(
                address(impl),
                abi.encodeCall(
                    Marketplace.initialize, (cases[i][0], cases[i][1], cases[i][2], cases[i][3], FEE_BPS, REVIEW_WINDOW)
                )
            );
        }
    }

    function test_initialize_revertsWhenFeeTooHigh() public {
        Marketplace impl = new Marketplace();
        vm.expectRevert(abi.encodeWithSelector(Marketplace.FeeTooHigh.selector, uint16(1001)));
        new ERC1967Proxy(
            address(impl),
            abi.encodeCall(
                Marketplace.initialize, (admin, address(registry), address(reputation), treasury, 1001, REVIEW_WINDOW)
            )
        );
    }

    function test_initialize_revertsWhenReviewWindowOutOfBounds() public {
        uint32[2] memory bad = [uint32(1 hours - 1), uint32(30 days + 1)];
        for (uint256 i; i < 2; ++i) {
            Marketplace impl = new Marketplace();
            vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidReviewWindow.selector, bad[i]));
            new ERC1967Proxy(
                address(impl),
                abi.encodeCall(
                    Marketplace.initialize, (admin, address(registry), address(reputation), treasury, FEE_BPS, bad[i])
                )
            );
        }
    }

    function test_initialize_acceptsBoundaryParameters() public {
        (, Marketplace a) = _deployMarket(admin, address(registry), address(reputation), treasury, 0, 1 hours);
        assertEq(a.feeBps(), 0);
        assertEq(a.reviewWindow(), 1 hours);
        (, Marketplace b) = _deployMarket(admin, address(registry), address(reputation), treasury, 1000, 30 days);
        assertEq(b.feeBps(), 1000);
        assertEq(b.reviewWindow(), 30 days);
    }

    function test_initialize_revertsWhenCalledTwiceOnProxy() public {
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        market.initialize(stranger, address(registry), address(reputation), treasury, 0, 1 days);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        market.initialize(admin, address(registry), address(reputation), treasury, 0, 1 days);
    }

    function test_initialize_revertsOnImplementation() public {
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        marketImplementation.initialize(stranger, address(registry), address(reputation), treasury, 0, 1 days);
        assertFalse(marketImplementation.hasRole(DEFAULT_ADMIN_ROLE, stranger));
    }

    function test_storage_usesErc7201NamespacedSlot() public {
        bytes32 expected =
            keccak256(abi.encode(uint256(keccak256("oso.storage.Marketplace")) - 1)) & ~bytes32(uint256(0xff));
        assertEq(expected, STORAGE_LOCATION);
        (, uint256 orderId) = _listAndOrder();
        // slot 0: totalOwed (128) | orderCount (48) | feeBps (16) | reviewWindow (32)
        uint256 slot0 = uint256(vm.load(address(market), STORAGE_LOCATION));
        assertEq(uint128(slot0), PRICE, "totalOwed");
        assertEq(uint48(slot0 >> 128), orderId, "orderCount");
        assertEq(uint16(slot0 >> 176), FEE_BPS, "feeBps");
        assertEq(uint32(slot0 >> 192), REVIEW_WINDOW, "reviewWindow");
        // slot 1: registry | serviceCount
        uint256 slot1 = uint256(vm.load(address(market), bytes32(uint256(STORAGE_LOCATION) + 1)));
        assertEq(address(uint160(slot1)), address(registry), "registry");
        assertEq(uint64(slot1 >> 160), 1, "serviceCount");
        // slot 2: reputation | accruedFees; slot 3: treasury
        uint256 slot2 = uint256(vm.load(address(market), bytes32(uint256(STORAGE_LOCATION) + 2)));
        assertEq(address(uint160(slot2)), address(reputation), "reputation");
        uint256 slot3 = uint256(vm.load(address(market), bytes32(uint256(STORAGE_LOCATION) + 3)));
        assertEq(address(uint160(slot3)), treasury, "treasury");
        // Nothing of the market lives in the proxy's low slots.
        assertEq(vm.load(address(market), bytes32(0)), bytes32(0));
    }

    function test_storage_orderUsesFourSlots() public {
        uint256 orderId = _delivered();
        // orders mapping is the 6th field after the 4 packed slots and the services mapping.
        bytes32 base = keccak256(abi.encode(orderId, uint256(STORAGE_LOCATION) + 5));
        IMarketplace.Order memory o = market.getOrder(orderId);
        uint256 s0 = uint256(vm.load(address(market), base));
        assertEq(address(uint160(s0)), buyer);
        assertEq(uint40(s0 >> 160), o.orderedAt);
        assertEq(uint40(s0 >> 200), o.deliverBy);
        assertEq(uint8(s0 >> 240), uint8(DELIVERED));
        uint256 s1 = uint256(vm.load(address(market), bytes32(uint256(base) + 1)));
        assertEq(address(uint160(s1)), seller);
        assertEq(uint40(s1 >> 160), o.deliveredAt);
        assertEq(uint32(s1 >> 200), REVIEW_WINDOW);
        assertEq(uint16(s1 >> 232), FEE_BPS);
        uint256 s2 = uint256(vm.load(address(market), bytes32(uint256(base) + 2)));
        assertEq(uint128(s2), PRICE);
        assertEq(uint64(s2 >> 128), 1);
        assertEq(vm.load(address(market), bytes32(uint256(base) + 3)), RESULT_HASH);
        assertEq(vm.load(address(market), bytes32(uint256(base) + 4)), bytes32(0), "no fifth slot");
    }

    function test_supportsInterface_reportsMarketplaceAccessControlAndErc165() public view {
        assertTrue(market.supportsInterface(type(IMarketplace).interfaceId));
        assertTrue(market.supportsInterface(type(IAccessControl).interfaceId));
        assertTrue(market.supportsInterface(type(IERC165).interfaceId));
        assertFalse(market.supportsInterface(0xffffffff));
    }

    function test_receive_rejectsPlainEthTransfers() public {
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        (bool ok,) = address(market).call{value: 1 ether}("");
        assertFalse(ok, "ETH only enters through order");
        assertEq(address(market).balance, 0);
    }

    // ───────────────────────────── listService ─────────────────────────────

    function test_listService_storesServiceAndEmits() public {
        vm.expectEmit(address(market));
        emit Marketplace.ServiceListed(1, seller, PRICE, DELIVERY_WINDOW, TITLE, METADATA_URI);
        uint256 id = _list();
        assertEq(id, 1);
        assertEq(market.serviceCount(), 1);
        Marketplace.Service memory s = market.getService(id);
        assertEq(s.id, 1);
        assertEq(s.seller, seller);
        assertEq(s.deliveryWindow, DELIVERY_WINDOW);
        assertEq(s.price, PRICE);
        assertTrue(s.active);
        assertEq(s.title, TITLE);
        assertEq(s.metadataURI, METADATA_URI);
        uint256[] memory mine = market.servicesOf(seller);
        assertEq(mine.length, 1);
        assertEq(mine[0], 1);
        Marketplace.Account memory a = market.accountOf(seller);
        assertEq(a.services, 1);
        assertEq(a.credit, 0);
        assertEq(a.sales, 0);
    }

    function test_listService_idsIncreaseAndListsArePerSeller() public {
        assertEq(_list(alice, 1, 1 minutes), 1);
        assertEq(_list(bob, 2, 1 minutes), 2);
        assertEq(_list(alice, 3, 1 minutes), 3);
        uint256[] memory a = market.servicesOf(alice);
        uint256[] memory b = market.servicesOf(bob);
        assertEq(a.length, 2);
        assertEq(a[0], 1);
        assertEq(a[1], 3);
        assertEq(b.length, 1);
        assertEq(b[0], 2);
        assertEq(market.servicesOf(carol).length, 0);
        assertEq(market.serviceCount(), 3);
    }

    function test_listService_revertsForNonMember() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotServiceCollaborator.selector, stranger));
        market.listService(TITLE, METADATA_URI, PRICE, DELIVERY_WINDOW);
    }

    function test_listService_revertsForMemberWithoutServiceKind() public {
        vm.prank(dave);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotServiceCollaborator.selector, dave));
        market.listService(TITLE, METADATA_URI, PRICE, DELIVERY_WINDOW);
    }

    function test_listService_revertsWhenSuspended() public {
        _suspend(alice);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotServiceCollaborator.selector, alice));
        market.listService(TITLE, METADATA_URI, PRICE, DELIVERY_WINDOW);
    }

    function test_listService_revertsWhenUnbonding() public {
        _leave(alice);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotServiceCollaborator.selector, alice));
        market.listService(TITLE, METADATA_URI, PRICE, DELIVERY_WINDOW);
    }

    function test_listService_titleBounds() public {
        vm.startPrank(seller);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidTitle.selector));
        market.listService("", METADATA_URI, PRICE, DELIVERY_WINDOW);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidTitle.selector));
        market.listService(_repeat("t", 97), METADATA_URI, PRICE, DELIVERY_WINDOW);
        market.listService("t", METADATA_URI, PRICE, DELIVERY_WINDOW);
        uint256 id = market.listService(_repeat("t", 96), METADATA_URI, PRICE, DELIVERY_WINDOW);
        vm.stopPrank();
        assertEq(bytes(market.getService(id).title).length, 96);
    }

    function test_listService_metadataUriBounds() public {
        vm.startPrank(seller);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.URITooLong.selector));
        market.listService(TITLE, _repeat("u", 257), PRICE, DELIVERY_WINDOW);
        market.listService(TITLE, "", PRICE, DELIVERY_WINDOW);
        uint256 id = market.listService(TITLE, _repeat("u", 256), PRICE, DELIVERY_WINDOW);
        vm.stopPrank();
        assertEq(bytes(market.getService(id).metadataURI).length, 256);
    }

    function test_listService_priceBounds() public {
        uint256 tooBig = uint256(type(uint128).max) + 1;
        vm.startPrank(seller);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidPrice.selector, 0));
        market.listService(TITLE, METADATA_URI, 0, DELIVERY_WINDOW);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidPrice.selector, tooBig));
        market.listService(TITLE, METADATA_URI, tooBig, DELIVERY_WINDOW);
        market.listService(TITLE, METADATA_URI, 1, DELIVERY_WINDOW);
        uint256 id = market.listService(TITLE, METADATA_URI, type(uint128).max, DELIVERY_WINDOW);
        vm.stopPrank();
        assertEq(market.getService(id).price, type(uint128).max);
    }

    function test_listService_deliveryWindowBounds() public {
        vm.startPrank(seller);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidDeliveryWindow.selector, uint32(59)));
        market.listService(TITLE, METADATA_URI, PRICE, 59);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidDeliveryWindow.selector, uint32(90 days + 1)));
        market.listService(TITLE, METADATA_URI, PRICE, 90 days + 1);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidDeliveryWindow.selector, uint32(0)));
        market.listService(TITLE, METADATA_URI, PRICE, 0);
        market.listService(TITLE, METADATA_URI, PRICE, 1 minutes);
        market.listService(TITLE, METADATA_URI, PRICE, 90 days);
        vm.stopPrank();
        assertEq(market.serviceCount(), 2);
    }

    function test_listService_checksMembershipBeforeTerms() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotServiceCollaborator.selector, stranger));
        market.listService("", "", 0, 0);
    }

    // ───────────────────────────── updateService ─────────────────────────────

    function test_updateService_changesTermsAndEmits() public {
        uint256 id = _list();
        vm.expectEmit(address(market));
        emit Marketplace.ServiceUpdated(id, seller, 2 ether, 1 days, "New title", "ipfs://new");
        vm.prank(seller);
        market.updateService(id, "New title", "ipfs://new", 2 ether, 1 days);
        Marketplace.Service memory s = market.getService(id);
        assertEq(s.id, id);
        assertEq(s.seller, seller);
        assertEq(s.price, 2 ether);
        assertEq(s.deliveryWindow, 1 days);
        assertEq(s.title, "New title");
        assertEq(s.metadataURI, "ipfs://new");
        assertTrue(s.active);
        assertEq(market.servicesOf(seller).length, 1, "update does not relist");
    }

    function test_updateService_openOrdersKeepTheirTerms() public {
        (uint256 serviceId, uint256 orderId) = _listAndOrder();
        IMarketplace.Order memory before = market.getOrder(orderId);
        vm.prank(seller);
        market.updateService(serviceId, TITLE, METADATA_URI, 5 ether, 90 days);
        IMarketplace.Order memory afterUpdate = market.getOrder(orderId);
        assertEq(keccak256(abi.encode(before)), keccak256(abi.encode(afterUpdate)));
        // A new order pays the new price.
        uint256 second = _order(dave, serviceId);
        assertEq(market.getOrder(second).price, 5 ether);
        assertEq(market.getOrder(second).deliverBy, block.timestamp + 90 days);
    }

    function test_updateService_revertsForUnknownService() public {
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.UnknownService.selector, 1));
        market.updateService(1, TITLE, METADATA_URI, PRICE, DELIVERY_WINDOW);
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.UnknownService.selector, 0));
        market.updateService(0, TITLE, METADATA_URI, PRICE, DELIVERY_WINDOW);
    }

    function test_updateService_revertsForOtherAccounts() public {
        uint256 id = _list();
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotServiceSeller.selector, id, bob));
        market.updateService(id, TITLE, METADATA_URI, PRICE, DELIVERY_WINDOW);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotServiceSeller.selector, id, admin));
        market.updateService(id, TITLE, METADATA_URI, PRICE, DELIVERY_WINDOW);
    }

    function test_updateService_validatesTerms() public {
        uint256 id = _list();
        vm.startPrank(seller);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidTitle.selector));
        market.updateService(id, "", METADATA_URI, PRICE, DELIVERY_WINDOW);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.URITooLong.selector));
        market.updateService(id, TITLE, _repeat("u", 257), PRICE, DELIVERY_WINDOW);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidPrice.selector, 0));
        market.updateService(id, TITLE, METADATA_URI, 0, DELIVERY_WINDOW);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidDeliveryWindow.selector, uint32(1)));
        market.updateService(id, TITLE, METADATA_URI, PRICE, 1);
        vm.stopPrank();
    }

    function test_updateService_allowedWhileSuspended() public {
        uint256 id = _list();
        _suspend(seller);
        vm.prank(seller);
        market.updateService(id, "Still mine", METADATA_URI, PRICE, DELIVERY_WINDOW);
        assertEq(market.getService(id).title, "Still mine");
    }

    // ───────────────────────────── setServiceActive ─────────────────────────────

    function test_setServiceActive_deactivatesAndReactivates() public {
        uint256 id = _list();
        vm.expectEmit(address(market));
        emit Marketplace.ServiceActiveSet(id, seller, false);
        vm.prank(seller);
        market.setServiceActive(id, false);
        assertFalse(market.getService(id).active);

        vm.deal(buyer, PRICE);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.ServiceInactive.selector, id));
        market.order{value: PRICE}(id, "");

        vm.expectEmit(address(market));
        emit Marketplace.ServiceActiveSet(id, seller, true);
        vm.prank(seller);
        market.setServiceActive(id, true);
        assertTrue(market.getService(id).active);
        _order(buyer, id);
    }

    function test_setServiceActive_deactivationKeepsOpenOrdersWorking() public {
        (uint256 serviceId, uint256 orderId) = _listAndOrder();
        vm.prank(seller);
        market.setServiceActive(serviceId, false);
        _deliver(orderId);
        _accept(orderId);
        _assertState(orderId, SETTLED);
    }

    function test_setServiceActive_deactivateAllowedWhileSuspendedButReactivateIsNot() public {
        uint256 id = _list();
        _suspend(seller);
        vm.prank(seller);
        market.setServiceActive(id, false);
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotServiceCollaborator.selector, seller));
        market.setServiceActive(id, true);
        vm.prank(admin);
        registry.reinstate(seller);
        vm.prank(seller);
        market.setServiceActive(id, true);
        assertTrue(market.getService(id).active);
    }

    function test_setServiceActive_revertsForUnknownServiceOrOtherAccounts() public {
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.UnknownService.selector, 7));
        market.setServiceActive(7, false);
        uint256 id = _list();
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotServiceSeller.selector, id, bob));
        market.setServiceActive(id, false);
    }

    // ───────────────────────────── order ─────────────────────────────

    function test_order_escrowsPaymentSnapshotsTermsAndEmits() public {
        uint256 serviceId = _list();
        vm.deal(buyer, PRICE);
        uint40 deliverBy = uint40(block.timestamp + DELIVERY_WINDOW);
        vm.expectEmit(address(market));
        emit Marketplace.OrderPlaced(1, buyer, seller, serviceId, PRICE, deliverBy, REQUEST_URI);
        vm.prank(buyer);
        uint256 orderId = market.order{value: PRICE}(serviceId, REQUEST_URI);

        assertEq(orderId, 1);
        assertEq(market.orderCount(), 1);
        IMarketplace.Order memory o = market.getOrder(orderId);
        assertEq(o.buyer, buyer);
        assertEq(o.seller, seller);
        assertEq(o.orderedAt, block.timestamp);
        assertEq(o.deliverBy, deliverBy);
        assertEq(uint8(o.state), uint8(ORDERED));
        assertEq(uint8(o.ruling), 0);
        assertEq(o.deliveredAt, 0);
        assertEq(o.reviewWindow, REVIEW_WINDOW);
        assertEq(o.feeBps, FEE_BPS);
        assertEq(o.price, PRICE);
        assertEq(o.serviceId, serviceId);
        assertEq(o.resultHash, bytes32(0));
        assertEq(address(market).balance, PRICE);
        assertEq(market.totalOwed(), PRICE);
        assertEq(buyer.balance, 0);
    }

    function test_order_idsIncrease() public {
        uint256 serviceId = _list();
        assertEq(_order(buyer, serviceId), 1);
        assertEq(_order(dave, serviceId), 2);
        assertEq(_order(bob, serviceId), 3, "a seller may buy from another seller");
        assertEq(market.orderCount(), 3);
        assertEq(market.totalOwed(), 3 * PRICE);
    }

    function test_order_revertsOnWrongPayment() public {
        uint256 serviceId = _list();
        vm.deal(buyer, 3 ether);
        vm.startPrank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.WrongPayment.selector, PRICE - 1, PRICE));
        market.order{value: PRICE - 1}(serviceId, "");
        vm.expectRevert(abi.encodeWithSelector(Marketplace.WrongPayment.selector, PRICE + 1, PRICE));
        market.order{value: PRICE + 1}(serviceId, "");
        vm.expectRevert(abi.encodeWithSelector(Marketplace.WrongPayment.selector, 0, PRICE));
        market.order(serviceId, "");
        vm.stopPrank();
        assertEq(market.orderCount(), 0);
    }

    function testFuzz_order_acceptsOnlyTheExactPrice(uint128 price, uint256 sent) public {
        price = uint128(bound(price, 1, 1_000_000 ether));
        sent = bound(sent, 0, 2_000_000 ether);
        uint256 serviceId = _list(seller, price, DELIVERY_WINDOW);
        vm.deal(buyer, sent);
        if (sent != price) vm.expectRevert(abi.encodeWithSelector(Marketplace.WrongPayment.selector, sent, price));
        vm.prank(buyer);
        market.order{value: sent}(serviceId, "");
        assertEq(market.totalOwed(), sent == price ? price : 0);
        assertEq(address(market).balance, market.totalOwed());
    }

    function test_order_revertsForUnknownService() public {
        _list();
        vm.deal(buyer, 1 ether);
        vm.startPrank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.UnknownService.selector, 0));
        market.order{value: 0}(0, "");
        vm.expectRevert(abi.encodeWithSelector(Marketplace.UnknownService.selector, 2));
        market.order{value: 1 ether}(2, "");
        vm.stopPrank();
    }

    function test_order_revertsOnSelfDealing() public {
        uint256 serviceId = _list();
        vm.deal(seller, PRICE);
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.SelfDealing.selector));
        market.order{value: PRICE}(serviceId, "");
    }

    function test_order_revertsWhenSellerSuspendedLeftOrDroppedServiceKind() public {
        uint256 a = _list(alice, PRICE, DELIVERY_WINDOW);
        uint256 b = _list(bob, PRICE, DELIVERY_WINDOW);
        vm.deal(buyer, 10 ether);

        _suspend(alice);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotServiceCollaborator.selector, alice));
        market.order{value: PRICE}(a, "");

        vm.prank(bob);
        registry.update(2, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH); // rating only now
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotServiceCollaborator.selector, bob));
        market.order{value: PRICE}(b, "");

        vm.prank(bob);
        registry.update(1, NAME, PROFILE_URI, SOURCE_URI, SOURCE_HASH);
        _leave(bob);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotServiceCollaborator.selector, bob));
        market.order{value: PRICE}(b, "");

        // Reinstated: orderable again.
        vm.prank(admin);
        registry.reinstate(alice);
        _order(buyer, a);
    }

    function test_order_requestUriBounds() public {
        uint256 serviceId = _list();
        vm.deal(buyer, 2 * PRICE);
        vm.startPrank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.URITooLong.selector));
        market.order{value: PRICE}(serviceId, _repeat("r", 257));
        market.order{value: PRICE}(serviceId, _repeat("r", 256));
        market.order{value: PRICE}(serviceId, "");
        vm.stopPrank();
    }

    function test_order_snapshotsFeeAndReviewWindow() public {
        (, uint256 orderId) = _listAndOrder();
        vm.startPrank(admin);
        market.setFee(1000);
        market.setReviewWindow(30 days);
        vm.stopPrank();
        IMarketplace.Order memory o = market.getOrder(orderId);
        assertEq(o.feeBps, FEE_BPS);
        assertEq(o.reviewWindow, REVIEW_WINDOW);

        _deliver(orderId);
        vm.warp(block.timestamp + REVIEW_WINDOW);
        market.release(orderId); // the old window applies
        assertEq(market.creditOf(seller), PRICE - _fee(PRICE, FEE_BPS), "old fee applies");

        uint256 second = _order(buyer, 1);
        assertEq(market.getOrder(second).feeBps, 1000);
        assertEq(market.getOrder(second).reviewWindow, 30 days);
    }

    function testFuzz_order_deadlineIsNowPlusDeliveryWindow(uint32 window, uint32 wait) public {
        window = uint32(bound(window, 1 minutes, 90 days));
        uint256 serviceId = _list(seller, PRICE, window);
        vm.warp(block.timestamp + bound(wait, 0, 365 days));
        uint256 orderId = _order(buyer, serviceId);
        IMarketplace.Order memory o = market.getOrder(orderId);
        assertEq(o.orderedAt, block.timestamp);
        assertEq(o.deliverBy, block.timestamp + window);
    }

    // ───────────────────────────── deliver ─────────────────────────────

    function test_deliver_recordsResultAndEmits() public {
        (, uint256 orderId) = _listAndOrder();
        vm.warp(block.timestamp + 1 hours);
        vm.expectEmit(address(market));
        emit Marketplace.OrderDelivered(orderId, buyer, seller, RESULT_URI, RESULT_HASH);
        _deliver(orderId);
        IMarketplace.Order memory o = market.getOrder(orderId);
        assertEq(uint8(o.state), uint8(DELIVERED));
        assertEq(o.deliveredAt, block.timestamp);
        assertEq(o.resultHash, RESULT_HASH);
        assertEq(market.totalOwed(), PRICE, "still escrowed");
    }

    function test_deliver_revertsForNonSeller() public {
        (, uint256 orderId) = _listAndOrder();
        address[3] memory others = [buyer, stranger, admin];
        for (uint256 i; i < 3; ++i) {
            vm.prank(others[i]);
            vm.expectRevert(abi.encodeWithSelector(Marketplace.NotSeller.selector, orderId, others[i]));
            market.deliver(orderId, RESULT_URI, RESULT_HASH);
        }
    }

    function test_deliver_revertsForUnknownOrder() public {
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.UnknownOrder.selector, 1));
        market.deliver(1, RESULT_URI, RESULT_HASH);
    }

    function test_deliver_revertsWhenAlreadyDelivered() public {
        uint256 orderId = _delivered();
        vm.prank(seller);
        _expectWrongState(orderId, DELIVERED);
        market.deliver(orderId, RESULT_URI, bytes32(0));
    }

    function test_deliver_resultUriBounds() public {
        (, uint256 orderId) = _listAndOrder();
        vm.startPrank(seller);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.URITooLong.selector));
        market.deliver(orderId, _repeat("x", 257), RESULT_HASH);
        market.deliver(orderId, _repeat("x", 256), RESULT_HASH);
        vm.stopPrank();
    }

    function test_deliver_atDeadlineSucceeds() public {
        (, uint256 orderId) = _listAndOrder();
        vm.warp(market.getOrder(orderId).deliverBy);
        _deliver(orderId);
        _assertState(orderId, DELIVERED);
    }

    function test_deliver_oneSecondAfterDeadlineReverts() public {
        (, uint256 orderId) = _listAndOrder();
        uint40 deliverBy = market.getOrder(orderId).deliverBy;
        vm.warp(uint256(deliverBy) + 1);
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.DeliveryDeadlinePassed.selector, orderId, deliverBy));
        market.deliver(orderId, RESULT_URI, RESULT_HASH);
    }

    function test_deliver_oneSecondBeforeDeadlineSucceeds() public {
        (, uint256 orderId) = _listAndOrder();
        vm.warp(market.getOrder(orderId).deliverBy - 1);
        _deliver(orderId);
        _assertState(orderId, DELIVERED);
    }

    function testFuzz_deliver_allowedExactlyUntilDeadline(uint32 window, uint256 elapsed) public {
        window = uint32(bound(window, 1 minutes, 90 days));
        elapsed = bound(elapsed, 0, uint256(window) + 10 days);
        uint256 orderId = _order(buyer, _list(seller, PRICE, window));
        uint40 deliverBy = market.getOrder(orderId).deliverBy;
        vm.warp(block.timestamp + elapsed);
        if (elapsed > window) {
            vm.expectRevert(abi.encodeWithSelector(Marketplace.DeliveryDeadlinePassed.selector, orderId, deliverBy));
        }
        vm.prank(seller);
        market.deliver(orderId, RESULT_URI, RESULT_HASH);
    }

    function test_deliver_allowedWhileSellerSuspended() public {
        (, uint256 orderId) = _listAndOrder();
        _suspend(seller);
        _deliver(orderId);
        _accept(orderId);
        assertEq(market.creditOf(seller), PRICE - _fee(PRICE, FEE_BPS));
    }

    // ───────────────────────────── accept ─────────────────────────────

    function test_accept_settlesCreditsAndCallsReputation() public {
        uint256 orderId = _delivered();
        uint256 fee = _fee(PRICE, FEE_BPS);
        vm.expectCall(
            address(reputation), abi.encodeCall(IReputation.recordSettlement, (orderId, seller, buyer, PRICE)), 1
        );
        vm.expectEmit(address(market));
        emit Marketplace.OrderSettled(orderId, buyer, seller, PRICE - fee, fee, true);
        _accept(orderId);

        _assertState(orderId, SETTLED);
        assertEq(market.creditOf(seller), PRICE - fee);
        assertEq(market.creditOf(treasury), fee);
        assertEq(market.accruedFees(), fee);
        assertEq(market.creditOf(buyer), 0);
        assertEq(market.accountOf(seller).sales, 1);
        assertEq(market.totalOwed(), PRICE, "escrow became credit");
        assertEq(reputation.priceOf(orderId), PRICE);
        assertEq(reputation.settlementOf(orderId), keccak256(abi.encode(seller, buyer)));
    }

    function test_accept_revertsForNonBuyer() public {
        uint256 orderId = _delivered();
        address[3] memory others = [seller, stranger, admin];
        for (uint256 i; i < 3; ++i) {
            vm.prank(others[i]);
            vm.expectRevert(abi.encodeWithSelector(Marketplace.NotBuyer.selector, orderId, others[i]));
            market.accept(orderId);
        }
    }

    function test_accept_revertsBeforeDelivery() public {
        (, uint256 orderId) = _listAndOrder();
        vm.prank(buyer);
        _expectWrongState(orderId, ORDERED);
        market.accept(orderId);
    }

    function test_accept_revertsForUnknownOrder() public {
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.UnknownOrder.selector, 42));
        market.accept(42);
    }

    function test_accept_allowedAfterReviewWindow() public {
        uint256 orderId = _delivered();
        vm.warp(_reviewEnd(orderId) + 30 days);
        _accept(orderId);
        _assertState(orderId, SETTLED);
    }

    function test_accept_withZeroFeeCreditsNoFee() public {
        vm.prank(admin);
        market.setFee(0);
        uint256 orderId = _delivered();
        _accept(orderId);
        assertEq(market.creditOf(seller), PRICE);
        assertEq(market.accruedFees(), 0);
        assertEq(market.creditOf(treasury), 0);
    }

    function test_accept_feeRoundsDownInSellersFavour() public {
        uint256 serviceId = _list(seller, 39, DELIVERY_WINDOW); // 39 * 250 / 10000 = 0.975
        uint256 orderId = _order(buyer, serviceId);
        _deliver(orderId);
        _accept(orderId);
        assertEq(market.creditOf(seller), 39);
        assertEq(market.accruedFees(), 0);

        uint256 bigger = _order(buyer, _list(seller, 41, DELIVERY_WINDOW)); // 1.025
        _deliver(bigger);
        _accept(bigger);
        assertEq(market.creditOf(seller), 39 + 40);
        assertEq(market.accruedFees(), 1);
    }

    function testFuzz_accept_payoutPlusFeeIsPrice(uint128 price, uint16 bps) public {
        price = uint128(bound(price, 1, type(uint96).max)); // more than all the ETH there is
        bps = uint16(bound(bps, 0, 1000));
        vm.prank(admin);
        market.setFee(bps);
        uint256 orderId = _order(buyer, _list(seller, price, DELIVERY_WINDOW));
        _deliver(orderId);
        _accept(orderId);
        uint256 fee = uint256(price) * bps / 10_000;
        assertEq(market.creditOf(seller), price - fee);
        assertEq(market.accruedFees(), fee);
        assertEq(market.creditOf(seller) + market.creditOf(treasury) + market.creditOf(buyer), price);
        assertLe(fee * 10_000, uint256(price) * bps, "fee never rounds up");
        assertEq(market.totalOwed(), price);
        assertEq(address(market).balance, price);
    }

    /// Fees accrue in a uint96 (~7.9e28 wei), which real ETH (supply ~1.2e26 wei) cannot fill, since
    /// every accrued wei is held by the contract. With ETH conjured by vm.deal, the cast is checked
    /// and the settlement reverts whole instead of truncating.
    function test_accept_revertsInsteadOfTruncatingFeesAboveUint96() public {
        vm.prank(admin);
        market.setFee(1000);
        uint256 orderId = _order(buyer, _list(seller, type(uint128).max, DELIVERY_WINDOW));
        _deliver(orderId);
        uint256 fee = uint256(type(uint128).max) / 10;
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSignature("SafeCastOverflowedUintDowncast(uint8,uint256)", 96, fee));
        market.accept(orderId);
        _assertState(orderId, DELIVERED);
    }

    function test_accept_revertsAtomicallyWhenReputationReverts() public {
        uint256 orderId = _delivered();
        reputation.setFailing(true);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(MarketplaceReputationMock.ReputationDown.selector));
        market.accept(orderId);
        _assertState(orderId, DELIVERED);
        assertEq(market.creditOf(seller), 0);
        // Governance points at a working module and the order settles.
        MarketplaceReputationMock fresh = new MarketplaceReputationMock();
        fresh.setMarket(address(market));
        vm.expectEmit(address(market));
        emit Marketplace.ReputationSet(address(fresh));
        vm.prank(admin);
        market.setReputation(address(fresh));
        _accept(orderId);
        assertEq(fresh.priceOf(orderId), PRICE);
        assertEq(reputation.priceOf(orderId), 0);
    }

    // ───────────────────────────── release ─────────────────────────────

    function test_release_byAnyoneAtReviewEnd() public {
        uint256 orderId = _delivered();
        uint256 fee = _fee(PRICE, FEE_BPS);
        vm.warp(_reviewEnd(orderId));
        vm.expectCall(
            address(reputation), abi.encodeCall(IReputation.recordSettlement, (orderId, seller, buyer, PRICE)), 1
        );
        vm.expectEmit(address(market));
        emit Marketplace.OrderSettled(orderId, buyer, seller, PRICE - fee, fee, false);
        vm.prank(stranger);
        market.release(orderId);
        _assertState(orderId, SETTLED);
        assertEq(market.creditOf(seller), PRICE - fee);
        assertEq(market.creditOf(treasury), fee);
        assertEq(market.accountOf(seller).sales, 1);
    }

    function test_release_oneSecondBeforeReviewEndReverts() public {
        uint256 orderId = _delivered();
        uint256 reviewEnd = _reviewEnd(orderId);
        vm.warp(reviewEnd - 1);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.ReviewWindowOpen.selector, orderId, reviewEnd));
        market.release(orderId);
        vm.warp(reviewEnd + 1);
        market.release(orderId);
        _assertState(orderId, SETTLED);
    }

    function test_release_immediatelyAfterDeliveryReverts() public {
        uint256 orderId = _delivered();
        vm.expectRevert(
            abi.encodeWithSelector(Marketplace.ReviewWindowOpen.selector, orderId, block.timestamp + REVIEW_WINDOW)
        );
        market.release(orderId);
    }

    function test_release_revertsWhenNotDelivered() public {
        (, uint256 orderId) = _listAndOrder();
        vm.warp(block.timestamp + 100 days);
        _expectWrongState(orderId, ORDERED);
        market.release(orderId);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.UnknownOrder.selector, 9));
        market.release(9);
    }

    function test_release_revertsWhileDisputed() public {
        uint256 orderId = _delivered();
        _dispute(orderId);
        vm.warp(_reviewEnd(orderId));
        _expectWrongState(orderId, DISPUTED);
        market.release(orderId);
    }

    function testFuzz_release_andDispute_splitTheTimelineAtReviewEnd(uint32 window, uint256 elapsed) public {
        window = uint32(bound(window, 1 hours, 30 days));
        vm.prank(admin);
        market.setReviewWindow(window);
        uint256 orderId = _delivered();
        uint256 reviewEnd = block.timestamp + window;
        elapsed = bound(elapsed, 0, uint256(window) * 2);
        vm.warp(block.timestamp + elapsed);
        bool open = block.timestamp < reviewEnd;

        uint256 snap = vm.snapshotState();
        if (open) vm.expectRevert(abi.encodeWithSelector(Marketplace.ReviewWindowOpen.selector, orderId, reviewEnd));
        market.release(orderId);
        vm.revertToState(snap);

        if (!open) {
            vm.expectRevert(abi.encodeWithSelector(Marketplace.ReviewWindowClosed.selector, orderId, reviewEnd));
        }
        vm.prank(buyer);
        market.dispute(orderId, "");
        _assertState(orderId, open ? DISPUTED : DELIVERED);
    }

    // ───────────────────────────── refund ─────────────────────────────

    function test_refund_byAnyoneAfterDeadline() public {
        uint256 orderId = _refundable();
        vm.expectCall(address(reputation), abi.encodeWithSelector(IReputation.recordSettlement.selector), 0);
        vm.expectEmit(address(market));
        emit Marketplace.OrderRefunded(orderId, buyer, seller, PRICE);
        vm.prank(stranger);
        market.refund(orderId);
        _assertState(orderId, REFUNDED);
        assertEq(market.creditOf(buyer), PRICE);
        assertEq(market.creditOf(seller), 0);
        assertEq(market.accruedFees(), 0);
        assertEq(market.accountOf(seller).sales, 0);
        assertEq(market.totalOwed(), PRICE);
        assertEq(_withdrawFrom(buyer), PRICE);
        assertEq(market.totalOwed(), 0);
    }

    function test_refund_atDeadlineReverts() public {
        (, uint256 orderId) = _listAndOrder();
        uint40 deliverBy = market.getOrder(orderId).deliverBy;
        vm.warp(deliverBy);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.DeliveryDeadlineNotPassed.selector, orderId, deliverBy));
        market.refund(orderId);
        vm.warp(deliverBy - 1);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.DeliveryDeadlineNotPassed.selector, orderId, deliverBy));
        market.refund(orderId);
        vm.warp(uint256(deliverBy) + 1);
        market.refund(orderId);
        _assertState(orderId, REFUNDED);
    }

    function testFuzz_refund_andDeliver_splitTheTimelineAtDeadline(uint32 window, uint256 elapsed) public {
        window = uint32(bound(window, 1 minutes, 90 days));
        uint256 orderId = _order(buyer, _list(seller, PRICE, window));
        uint40 deliverBy = market.getOrder(orderId).deliverBy;
        elapsed = bound(elapsed, 0, uint256(window) * 2);
        vm.warp(block.timestamp + elapsed);
        bool late = block.timestamp > deliverBy;

        uint256 snap = vm.snapshotState();
        if (!late) {
            vm.expectRevert(abi.encodeWithSelector(Marketplace.DeliveryDeadlineNotPassed.selector, orderId, deliverBy));
        }
        market.refund(orderId);
        vm.revertToState(snap);

        if (late) {
            vm.expectRevert(abi.encodeWithSelector(Marketplace.DeliveryDeadlinePassed.selector, orderId, deliverBy));
        }
        vm.prank(seller);
        market.deliver(orderId, RESULT_URI, RESULT_HASH);
        _assertState(orderId, late ? ORDERED : DELIVERED);
    }

    function test_refund_revertsOnceDelivered() public {
        uint256 orderId = _delivered();
        vm.warp(block.timestamp + 100 days);
        _expectWrongState(orderId, DELIVERED);
        market.refund(orderId);
    }

    function test_refund_revertsForUnknownOrder() public {
        vm.expectRevert(abi.encodeWithSelector(Marketplace.UnknownOrder.selector, 0));
        market.refund(0);
    }

    // ───────────────────────────── cancel ─────────────────────────────

    function test_cancel_bySellerRefundsBuyer() public {
        (, uint256 orderId) = _listAndOrder();
        vm.expectEmit(address(market));
        emit Marketplace.OrderCancelled(orderId, buyer, seller, PRICE);
        vm.prank(seller);
        market.cancel(orderId);
        _assertState(orderId, REFUNDED);
        assertEq(market.creditOf(buyer), PRICE);
        assertEq(market.creditOf(seller), 0);
    }

    function test_cancel_allowedAfterDeadline() public {
        uint256 orderId = _refundable();
        vm.prank(seller);
        market.cancel(orderId);
        _assertState(orderId, REFUNDED);
    }

    function test_cancel_revertsForNonSeller() public {
        (, uint256 orderId) = _listAndOrder();
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotSeller.selector, orderId, buyer));
        market.cancel(orderId);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotSeller.selector, orderId, admin));
        market.cancel(orderId);
    }

    function test_cancel_revertsOnceDelivered() public {
        uint256 orderId = _delivered();
        vm.prank(seller);
        _expectWrongState(orderId, DELIVERED);
        market.cancel(orderId);
    }

    // ───────────────────────────── dispute ─────────────────────────────

    function test_dispute_byBuyerInsideWindowEmits() public {
        uint256 orderId = _delivered();
        vm.expectEmit(address(market));
        emit IEvidence.Dispute(arbitrator, 1, 0, 1);
        vm.expectEmit(address(market));
        emit IEvidence.Evidence(arbitrator, 1, buyer, "ipfs://reason");
        vm.expectEmit(address(market));
        emit Marketplace.OrderDisputed(orderId, buyer, seller, 1, "ipfs://reason");
        _dispute(orderId);
        assertEq(market.disputeOf(orderId).arbitrator, address(arbitrator));
        assertEq(market.disputeOf(orderId).disputeId, 1);
        assertEq(market.orderOfDispute(address(arbitrator), 1), orderId);
        assertEq(arbitrator.arbitrableOf(1), address(market));
        assertEq(arbitrator.choicesOf(1), 2);
        _assertState(orderId, DISPUTED);
        assertEq(market.totalOwed(), PRICE, "still escrowed");
        assertEq(market.creditOf(buyer) + market.creditOf(seller), 0);
    }

    function test_dispute_oneSecondBeforeReviewEndSucceeds() public {
        uint256 orderId = _delivered();
        vm.warp(_reviewEnd(orderId) - 1);
        _dispute(orderId);
        _assertState(orderId, DISPUTED);
    }

    function test_dispute_atReviewEndReverts() public {
        uint256 orderId = _delivered();
        uint256 reviewEnd = _reviewEnd(orderId);
        vm.warp(reviewEnd);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.ReviewWindowClosed.selector, orderId, reviewEnd));
        market.dispute(orderId, "");
        vm.warp(reviewEnd + 1);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.ReviewWindowClosed.selector, orderId, reviewEnd));
        market.dispute(orderId, "");
    }

    function test_dispute_revertsForNonBuyer() public {
        uint256 orderId = _delivered();
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotBuyer.selector, orderId, seller));
        market.dispute(orderId, "");
    }

    function test_dispute_revertsBeforeDeliveryAndTwice() public {
        (, uint256 orderId) = _listAndOrder();
        vm.prank(buyer);
        _expectWrongState(orderId, ORDERED);
        market.dispute(orderId, "");
        _deliver(orderId);
        _dispute(orderId);
        vm.prank(buyer);
        _expectWrongState(orderId, DISPUTED);
        market.dispute(orderId, "");
    }

    function test_dispute_reasonUriBounds() public {
        uint256 orderId = _delivered();
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.URITooLong.selector));
        market.dispute(orderId, _repeat("z", 257));
        vm.prank(buyer);
        market.dispute(orderId, _repeat("z", 256));
    }

    function test_dispute_freezesEscrowAgainstEveryOtherAction() public {
        uint256 orderId = _delivered();
        _dispute(orderId);
        vm.warp(block.timestamp + 100 days);
        vm.prank(buyer);
        _expectWrongState(orderId, DISPUTED);
        market.accept(orderId);
        _expectWrongState(orderId, DISPUTED);
        market.release(orderId);
        _expectWrongState(orderId, DISPUTED);
        market.refund(orderId);
        vm.prank(seller);
        _expectWrongState(orderId, DISPUTED);
        market.cancel(orderId);
        vm.prank(seller);
        _expectWrongState(orderId, DISPUTED);
        market.deliver(orderId, "", bytes32(0));
    }

    // ───────────────────────────── rule (ERC-792) ─────────────────────────────

    function _disputed() internal returns (uint256 orderId) {
        orderId = _delivered();
        _dispute(orderId);
    }

    function test_rule_forBuyerRefundsAndSellerLoses() public {
        uint256 orderId = _disputed();
        vm.expectCall(address(reputation), abi.encodeCall(IReputation.recordDisputeLoss, (orderId, seller)), 1);
        vm.expectCall(address(reputation), abi.encodeWithSelector(IReputation.recordSettlement.selector), 0);
        vm.expectEmit(address(market));
        emit Marketplace.DisputeResolved(orderId, buyer, seller, IMarketplace.Ruling.Buyer, PRICE, 0, 0);
        _rule(orderId, IMarketplace.Ruling.Buyer);
        IMarketplace.Order memory o = market.getOrder(orderId);
        assertEq(uint8(o.state), uint8(RULED));
        assertEq(uint8(o.ruling), uint8(IMarketplace.Ruling.Buyer));
        assertEq(market.creditOf(buyer), PRICE);
        assertEq(market.creditOf(seller), 0);
        assertEq(market.accruedFees(), 0);
        assertEq(reputation.loserOf(orderId), seller);
        assertEq(market.accountOf(seller).sales, 0);
    }

    function test_rule_forSellerSettlesAndBuyerLoses() public {
        uint256 orderId = _disputed();
        uint256 fee = _fee(PRICE, FEE_BPS);
        vm.expectCall(
            address(reputation), abi.encodeCall(IReputation.recordSettlement, (orderId, seller, buyer, PRICE)), 1
        );
        vm.expectCall(address(reputation), abi.encodeCall(IReputation.recordDisputeLoss, (orderId, buyer)), 1);
        vm.expectEmit(address(market));
        emit Marketplace.DisputeResolved(orderId, buyer, seller, IMarketplace.Ruling.Seller, 0, PRICE - fee, fee);
        _rule(orderId, IMarketplace.Ruling.Seller);
        IMarketplace.Order memory o = market.getOrder(orderId);
        assertEq(uint8(o.state), uint8(RULED));
        assertEq(uint8(o.ruling), uint8(IMarketplace.Ruling.Seller));
        assertEq(market.creditOf(seller), PRICE - fee);
        assertEq(market.creditOf(treasury), fee);
        assertEq(market.creditOf(buyer), 0);
        assertEq(market.accountOf(seller).sales, 1);
        assertEq(reputation.loserOf(orderId), buyer);
    }

    function test_rule_refusedSplitsWithoutFeeOrReputation() public {
        uint256 orderId = _order(buyer, _list(seller, 1 ether + 1, DELIVERY_WINDOW));
        _deliver(orderId);
        _dispute(orderId);
        vm.expectCall(address(reputation), abi.encodeWithSelector(IReputation.recordSettlement.selector), 0);
        vm.expectCall(address(reputation), abi.encodeWithSelector(IReputation.recordDisputeLoss.selector), 0);
        vm.expectEmit(address(market));
        emit Marketplace.DisputeResolved(
            orderId, buyer, seller, IMarketplace.Ruling.Refused, 0.5 ether + 1, 0.5 ether, 0
        );
        _rule(orderId, IMarketplace.Ruling.Refused);
        assertEq(uint8(market.getOrder(orderId).ruling), uint8(IMarketplace.Ruling.Refused));
        _assertState(orderId, RULED);
        assertEq(market.creditOf(buyer), 0.5 ether + 1, "odd wei to the buyer");
        assertEq(market.creditOf(seller), 0.5 ether);
        assertEq(market.accruedFees(), 0);
        assertEq(market.accountOf(seller).sales, 0);
    }

    function testFuzz_rule_conservesThePrice(uint128 price, uint8 rulingSeed, uint16 bps) public {
        price = uint128(bound(price, 1, type(uint96).max));
        bps = uint16(bound(bps, 0, 1000));
        IMarketplace.Ruling ruling = IMarketplace.Ruling(rulingSeed % 3);
        vm.prank(admin);
        market.setFee(bps);
        uint256 orderId = _order(buyer, _list(seller, price, DELIVERY_WINDOW));
        _deliver(orderId);
        _dispute(orderId);
        _rule(orderId, ruling);
        uint256 refund_ = market.creditOf(buyer);
        uint256 payout = market.creditOf(seller);
        uint256 fee = market.creditOf(treasury);
        assertEq(refund_ + payout + fee, price, "refund + payout + fee == price");
        if (ruling == IMarketplace.Ruling.Buyer) {
            assertEq(refund_, price);
        } else if (ruling == IMarketplace.Ruling.Seller) {
            assertEq(fee, uint256(price) * bps / 10_000);
            assertEq(refund_, 0);
        } else {
            assertEq(fee, 0);
            assertEq(refund_, payout + (price % 2));
        }
        assertEq(market.totalOwed(), price);
    }

    function test_rule_onlyTheOrdersArbitrator() public {
        uint256 orderId = _disputed();
        uint256 disputeId = market.disputeOf(orderId).disputeId;
        address[4] memory others = [buyer, seller, stranger, admin];
        for (uint256 i; i < 4; ++i) {
            vm.prank(others[i]);
            vm.expectRevert(abi.encodeWithSelector(Marketplace.UnknownDispute.selector, others[i], disputeId));
            market.rule(disputeId, 1);
        }
        // A new arbitrator does not take over disputes already open.
        ArbitratorMock next = new ArbitratorMock();
        vm.prank(admin);
        market.setArbitrator(next);
        vm.prank(address(next));
        vm.expectRevert(abi.encodeWithSelector(Marketplace.UnknownDispute.selector, address(next), disputeId));
        market.rule(disputeId, 1);
        _ruleAs(address(arbitrator), disputeId, 1);
        _assertState(orderId, RULED);
    }

    function test_rule_emitsERC792Ruling() public {
        uint256 orderId = _disputed();
        uint256 disputeId = market.disputeOf(orderId).disputeId;
        vm.expectEmit(address(market));
        emit IArbitrable.Ruling(arbitrator, disputeId, 2);
        _rule(orderId, IMarketplace.Ruling.Seller);
    }

    function test_rule_settlesOnlyOnce() public {
        uint256 orderId = _disputed();
        _rule(orderId, IMarketplace.Ruling.Seller);
        uint256 disputeId = market.disputeOf(orderId).disputeId;
        vm.prank(address(arbitrator));
        _expectWrongState(orderId, RULED);
        market.rule(disputeId, 1);
        assertEq(market.creditOf(buyer), 0);
    }

    function test_rule_revertsForUnknownDispute() public {
        (, uint256 orderId) = _listAndOrder();
        vm.prank(address(arbitrator));
        vm.expectRevert(abi.encodeWithSelector(Marketplace.UnknownDispute.selector, address(arbitrator), 1));
        market.rule(1, 2);
        _deliver(orderId);
        vm.prank(address(arbitrator));
        vm.expectRevert(abi.encodeWithSelector(Marketplace.UnknownDispute.selector, address(arbitrator), 0));
        market.rule(0, 2);
    }

    function test_rule_rejectsOutOfRangeRuling() public {
        uint256 orderId = _disputed();
        uint256 disputeId = market.disputeOf(orderId).disputeId;
        vm.prank(address(arbitrator));
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidRuling.selector, 3));
        market.rule(disputeId, 3);
        _assertState(orderId, DISPUTED);
    }

    function test_appeal_onlyTheLosingPartyAndForwardsTheFee() public {
        uint256 orderId = _disputed();
        uint256 disputeId = market.disputeOf(orderId).disputeId;
        arbitrator.setAppealFee(0.07 ether);
        vm.deal(buyer, 1 ether);
        vm.deal(seller, 1 ether);
        // Ruling 1 (buyer wins): only the seller may appeal.
        arbitrator.setCurrentRuling(disputeId, 1);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotLosingParty.selector, orderId, buyer));
        market.appeal{value: 0.07 ether}(orderId);
        vm.expectEmit(address(market));
        emit Marketplace.OrderAppealed(orderId, seller, disputeId, 0.07 ether);
        vm.prank(seller);
        market.appeal{value: 0.07 ether}(orderId);
        // Ruling 2 (seller wins): only the buyer.
        arbitrator.setCurrentRuling(disputeId, 2);
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotLosingParty.selector, orderId, seller));
        market.appeal{value: 0.07 ether}(orderId);
        vm.prank(buyer);
        market.appeal{value: 0.07 ether}(orderId);
        // Refused: either party, nobody else.
        arbitrator.setCurrentRuling(disputeId, 0);
        vm.deal(stranger, 1 ether);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NotLosingParty.selector, orderId, stranger));
        market.appeal{value: 0.07 ether}(orderId);
        vm.prank(seller);
        market.appeal{value: 0.07 ether}(orderId);
        assertEq(arbitrator.appeals(disputeId), 3);
        assertEq(address(arbitrator).balance, 0.21 ether, "forwarded");
        assertEq(address(market).balance, PRICE, "the market keeps only the escrow");
        assertEq(market.totalOwed(), PRICE);
    }

    function test_appeal_onlyWhileDisputed() public {
        uint256 orderId = _delivered();
        vm.prank(buyer);
        _expectWrongState(orderId, DELIVERED);
        market.appeal(orderId);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.UnknownOrder.selector, 99));
        market.appeal(99);
    }

    function test_dispute_paysTheArbitratorsCost() public {
        arbitrator.setCost(0.03 ether);
        uint256 orderId = _delivered();
        vm.deal(buyer, 1 ether);
        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.WrongArbitrationFee.selector, 0.02 ether, 0.03 ether));
        market.dispute{value: 0.02 ether}(orderId, "");
        vm.prank(buyer);
        market.dispute{value: 0.03 ether}(orderId, "");
        assertEq(address(arbitrator).balance, 0.03 ether);
        assertEq(market.totalOwed(), PRICE);
    }

    function test_setDisputeSlash_governorOnlyAndEmits() public {
        vm.prank(stranger);
        _expectUnauthorized(stranger, GOVERNOR_ROLE);
        market.setDisputeSlash(1);
        vm.expectEmit(address(market));
        emit Marketplace.DisputeSlashSet(0.005 ether);
        vm.prank(admin);
        market.setDisputeSlash(0.005 ether);
        assertEq(market.disputeSlash(), 0.005 ether);
    }

    // ───────────────────────────── terminal states ─────────────────────────────

    function test_terminalStates_absorbEveryAction() public {
        uint256[4] memory ids = _terminalOrders();
        IMarketplace.OrderState[4] memory states = [SETTLED, REFUNDED, REFUNDED, RULED];
        for (uint256 i; i < 4; ++i) {
            uint256 id = ids[i];
            IMarketplace.OrderState st = states[i];
            _assertState(id, st);
            bytes memory before = abi.encode(market.getOrder(id));

            vm.prank(seller);
            _expectWrongState(id, st);
            market.deliver(id, "", bytes32(0));
            vm.prank(buyer);
            _expectWrongState(id, st);
            market.accept(id);
            _expectWrongState(id, st);
            market.release(id);
            _expectWrongState(id, st);
            market.refund(id);
            vm.prank(seller);
            _expectWrongState(id, st);
            market.cancel(id);
            vm.prank(buyer);
            _expectWrongState(id, st);
            market.dispute(id, "");
            vm.prank(buyer);
            _expectWrongState(id, st);
            market.appeal(id);

            assertEq(keccak256(abi.encode(market.getOrder(id))), keccak256(before), "terminal record unchanged");
        }
    }

    // ───────────────────────────── withdraw ─────────────────────────────

    function test_withdraw_paysCreditOnceAndEmits() public {
        uint256 orderId = _delivered();
        _accept(orderId);
        uint256 payout = PRICE - _fee(PRICE, FEE_BPS);
        vm.expectEmit(address(market));
        emit Marketplace.Withdrawn(seller, payout);
        assertEq(_withdrawFrom(seller), payout);
        assertEq(market.creditOf(seller), 0);
        assertEq(market.accountOf(seller).services, 1, "the rest of the account slot stays");
        assertEq(market.accountOf(seller).sales, 1);
        assertEq(market.totalOwed(), _fee(PRICE, FEE_BPS));
        vm.prank(seller);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NothingToWithdraw.selector));
        market.withdraw();
    }

    function test_withdraw_revertsWhenNothingOwed() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NothingToWithdraw.selector));
        market.withdraw();
        vm.prank(treasury);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.NothingToWithdraw.selector));
        market.withdraw();
    }

    function test_withdraw_treasuryDrawsFeesAndOwnCredit() public {
        uint256 serviceId = _list();
        uint256 a = _order(buyer, serviceId);
        _deliver(a);
        _accept(a);
        // The treasury also buys something that gets refunded.
        uint256 b = _order(treasury, serviceId);
        vm.prank(seller);
        market.cancel(b);
        uint256 fee = _fee(PRICE, FEE_BPS);
        assertEq(market.creditOf(treasury), fee + PRICE);
        vm.expectEmit(address(market));
        emit Marketplace.Withdrawn(treasury, fee + PRICE);
        assertEq(_withdrawFrom(treasury), fee + PRICE);
        assertEq(market.accruedFees(), 0);
        assertEq(market.creditOf(treasury), 0);
        assertEq(market.totalOwed(), PRICE - fee);
    }

    function test_withdraw_paysBuyerAndSellerIndependently() public {
        uint256 serviceId = _list();
        uint256 a = _order(buyer, serviceId);
        _deliver(a);
        _dispute(a);
        _rule(a, IMarketplace.Ruling.Refused);
        assertEq(_withdrawFrom(buyer), PRICE / 2);
        assertEq(_withdrawFrom(seller), PRICE / 2);
        assertEq(address(market).balance, 0);
        assertEq(market.totalOwed(), 0);
    }

    function test_withdraw_revertsWithTransferFailedAndKeepsCredit() public {
        MarketplaceActor r = _actorBuyerWithRefund();
        r.setRejecting(true);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.TransferFailed.selector));
        r.withdraw();
        assertEq(market.creditOf(address(r)), PRICE);
        // Others are not blocked.
        assertEq(_withdrawFrom(seller), PRICE - _fee(PRICE, FEE_BPS));
        r.setRejecting(false);
        r.withdraw();
        assertEq(address(r).balance, PRICE);
    }

    /// An actor contract that ordered and got refunded (credit PRICE), next to a seller who holds
    /// a payout from another order (other funds an attacker could try to drain).
    function _actorBuyerWithRefund() internal returns (MarketplaceActor r) {
        r = new MarketplaceActor(market);
        uint256 serviceId = _list();
        uint256 other = _order(buyer, serviceId);
        _deliver(other);
        _accept(other);
        vm.deal(address(r), PRICE);
        bytes memory ret = r.execute(address(market), PRICE, abi.encodeCall(Marketplace.order, (serviceId, "")));
        uint256 orderId = abi.decode(ret, (uint256));
        vm.prank(seller);
        market.cancel(orderId);
        assertEq(market.creditOf(address(r)), PRICE);
    }

    function test_withdraw_reentrantWithdrawIsBlockedAndPaysOnce() public {
        MarketplaceActor r = _actorBuyerWithRefund();
        uint256 balanceBefore = address(market).balance;
        r.arm(MarketplaceActor.Target.Withdraw, 0, true);
        r.withdraw();
        assertTrue(r.reentered());
        assertFalse(r.reentrySucceeded());
        assertEq(
            r.reentryError(), abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)
        );
        assertEq(r.payments(), 1);
        assertEq(address(r).balance, PRICE);
        assertEq(address(market).balance, balanceBefore - PRICE);
        assertEq(market.creditOf(address(r)), 0);
        // The seller and the treasury still get everything.
        assertEq(_withdrawFrom(seller), PRICE - _fee(PRICE, FEE_BPS));
        vm.prank(treasury);
        market.withdraw();
        assertEq(address(market).balance, 0);
        assertEq(market.totalOwed(), 0);
    }

    function test_withdraw_reentrantWithdrawBubblesAsTransferFailed() public {
        MarketplaceActor r = _actorBuyerWithRefund();
        r.arm(MarketplaceActor.Target.Withdraw, 0, false);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.TransferFailed.selector));
        r.withdraw();
        assertEq(market.creditOf(address(r)), PRICE, "credit survives the failed attempt");
        assertEq(address(r).balance, 0);
    }

    function test_withdraw_reentrantSettlementCallsAreBlocked() public {
        MarketplaceActor r = _actorBuyerWithRefund();
        uint256 serviceId = 1;
        uint256 pending = _order(dave, serviceId);
        _deliver(pending);
        vm.warp(_reviewEnd(pending));
        uint256 late = _order(dave, serviceId);
        vm.warp(market.getOrder(late).deliverBy + 1);

        MarketplaceActor.Target[3] memory targets =
            [MarketplaceActor.Target.Release, MarketplaceActor.Target.Refund, MarketplaceActor.Target.Accept];
        uint256[3] memory ids = [pending, late, pending];
        for (uint256 i; i < 3; ++i) {
            uint256 snap = vm.snapshotState();
            r.arm(targets[i], ids[i], true);
            r.withdraw();
            assertFalse(r.reentrySucceeded());
            assertEq(
                r.reentryError(), abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)
            );
            vm.revertToState(snap);
        }
        // Outside a withdrawal they work.
        market.release(pending);
        market.refund(late);
    }

    // ───────────────────────────── governance ─────────────────────────────

    function test_setFee_governorOnlyBoundedAndEmits() public {
        vm.expectEmit(address(market));
        emit Marketplace.FeeSet(1000);
        vm.prank(admin);
        market.setFee(1000);
        assertEq(market.feeBps(), 1000);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.FeeTooHigh.selector, uint16(1001)));
        market.setFee(1001);
        vm.prank(stranger);
        _expectUnauthorized(stranger, GOVERNOR_ROLE);
        market.setFee(0);
        vm.prank(admin);
        market.setFee(0);
        assertEq(market.feeBps(), 0);
    }

    function test_setReviewWindow_governorOnlyBoundedAndEmits() public {
        vm.expectEmit(address(market));
        emit Marketplace.ReviewWindowSet(1 hours);
        vm.prank(admin);
        market.setReviewWindow(1 hours);
        assertEq(market.reviewWindow(), 1 hours);
        vm.prank(admin);
        market.setReviewWindow(30 days);
        vm.startPrank(admin);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidReviewWindow.selector, uint32(1 hours - 1)));
        market.setReviewWindow(1 hours - 1);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidReviewWindow.selector, uint32(30 days + 1)));
        market.setReviewWindow(30 days + 1);
        vm.stopPrank();
        vm.prank(stranger);
        _expectUnauthorized(stranger, GOVERNOR_ROLE);
        market.setReviewWindow(1 days);
        assertEq(market.reviewWindow(), 30 days);
    }

    function test_setTreasury_movesAccruedFeesToOldTreasury() public {
        uint256 orderId = _delivered();
        _accept(orderId);
        uint256 fee = _fee(PRICE, FEE_BPS);
        address newTreasury = makeAddr("newTreasury");
        vm.expectEmit(address(market));
        emit Marketplace.TreasurySet(newTreasury, treasury, fee);
        vm.prank(admin);
        market.setTreasury(newTreasury);
        assertEq(market.treasury(), newTreasury);
        assertEq(market.accruedFees(), 0);
        assertEq(market.creditOf(treasury), fee, "old treasury keeps what it earned");
        assertEq(market.creditOf(newTreasury), 0);
        assertEq(market.totalOwed(), PRICE);

        // New fees go to the new treasury.
        uint256 second = _order(buyer, 1);
        _deliver(second);
        _accept(second);
        assertEq(market.creditOf(newTreasury), fee);
        assertEq(_withdrawFrom(treasury), fee);
        assertEq(_withdrawFrom(newTreasury), fee);
    }

    function test_setTreasury_governorOnlyAndNonZero() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.ZeroAddress.selector));
        market.setTreasury(address(0));
        vm.prank(stranger);
        _expectUnauthorized(stranger, GOVERNOR_ROLE);
        market.setTreasury(stranger);
        vm.expectEmit(address(market));
        emit Marketplace.TreasurySet(stranger, treasury, 0);
        vm.prank(admin);
        market.setTreasury(stranger);
        assertEq(market.treasury(), stranger);
    }

    function test_setReputation_governorOnlyAndNonZero() public {
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.ZeroAddress.selector));
        market.setReputation(address(0));
        vm.prank(stranger);
        _expectUnauthorized(stranger, GOVERNOR_ROLE);
        market.setReputation(stranger);
        vm.prank(admin);
        market.setReputation(stranger);
        assertEq(market.reputation(), stranger);
    }

    function test_setReputation_keepsAccruedFeesThatShareItsSlot() public {
        uint256 orderId = _delivered();
        _accept(orderId);
        uint256 fees = market.accruedFees();
        assertGt(fees, 0);
        MarketplaceReputationMock fresh = new MarketplaceReputationMock();
        vm.prank(admin);
        market.setReputation(address(fresh));
        assertEq(market.reputation(), address(fresh));
        assertEq(market.accruedFees(), fees);
        assertEq(_withdrawFrom(treasury), fees);
        assertEq(market.reputation(), address(fresh), "withdrawing fees leaves the address");
    }

    function test_governance_rolesAreSeparate() public {
        vm.prank(admin);
        market.grantRole(GOVERNOR_ROLE, bob);
        vm.prank(address(arbitrator));
        _expectUnauthorized(address(arbitrator), GOVERNOR_ROLE);
        market.setFee(1);
        uint256 orderId = _disputed();
        uint256 disputeId = market.disputeOf(orderId).disputeId;
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.UnknownDispute.selector, bob, disputeId));
        market.rule(disputeId, 1);
        vm.prank(bob);
        market.setFee(1);
    }

    // ───────────────────────────── reads ─────────────────────────────

    function test_getOrders_readsManyInOrderAsked() public {
        uint256 serviceId = _list();
        _order(buyer, serviceId);
        _order(dave, serviceId);
        uint256[] memory ids = new uint256[](4);
        ids[0] = 2;
        ids[1] = 1;
        ids[2] = 99;
        ids[3] = 2;
        IMarketplace.Order[] memory out = market.getOrders(ids);
        assertEq(out.length, 4);
        assertEq(out[0].buyer, dave);
        assertEq(out[1].buyer, buyer);
        assertEq(uint8(out[2].state), uint8(NONE));
        assertEq(out[3].buyer, dave);
        assertEq(market.getOrders(new uint256[](0)).length, 0);
    }

    function test_getOrders_revertsAboveMaxPageSize() public {
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidPageSize.selector, 501));
        market.getOrders(new uint256[](501));
        assertEq(market.getOrders(new uint256[](500)).length, 500);
    }

    function test_getService_unknownIsEmpty() public view {
        Marketplace.Service memory s = market.getService(3);
        assertEq(s.id, 0);
        assertEq(s.seller, address(0));
        assertFalse(s.active);
    }

    function test_servicePage_pagesInListingOrder() public {
        for (uint256 i; i < 5; ++i) {
            _list(i % 2 == 0 ? alice : bob, i + 1, 1 minutes);
        }
        vm.prank(bob);
        market.setServiceActive(2, false);
        Marketplace.Service[] memory p = market.servicePage(0, 2);
        assertEq(p.length, 2);
        assertEq(p[0].id, 1);
        assertEq(p[1].id, 2);
        assertFalse(p[1].active, "inactive services are included");
        p = market.servicePage(3, 10);
        assertEq(p.length, 2);
        assertEq(p[0].id, 4);
        assertEq(p[0].seller, bob);
        assertEq(p[0].price, 4);
        assertEq(p[1].id, 5);
        assertEq(p[1].title, TITLE);
        assertEq(market.servicePage(5, 1).length, 0);
        assertEq(market.servicePage(type(uint256).max, 500).length, 0);
        assertEq(market.servicePage(0, 500).length, 5);
    }

    function test_servicePage_revertsOnInvalidLimit() public {
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidPageSize.selector, 0));
        market.servicePage(0, 0);
        vm.expectRevert(abi.encodeWithSelector(Marketplace.InvalidPageSize.selector, 501));
        market.servicePage(0, 501);
    }

    function test_creditOf_treasuryIncludesAccruedFees() public {
        uint256 orderId = _delivered();
        _accept(orderId);
        assertEq(market.creditOf(treasury), market.accruedFees());
        assertEq(market.accountOf(treasury).credit, 0);
    }

    // ───────────────────────────── full flows ─────────────────────────────

    function test_flow_everyPathConservesEth() public {
        uint256 serviceId = _list();
        uint256 settled = _order(buyer, serviceId);
        uint256 released = _order(dave, serviceId);
        uint256 refunded = _order(buyer, serviceId);
        uint256 cancelled = _order(dave, serviceId);
        uint256 forBuyer = _order(buyer, serviceId);
        uint256 forSeller = _order(dave, serviceId);
        uint256 refused = _order(buyer, serviceId);
        assertEq(address(market).balance, 7 * PRICE);
        assertEq(market.totalOwed(), 7 * PRICE);

        _deliver(settled);
        _deliver(released);
        _deliver(forBuyer);
        _deliver(forSeller);
        _deliver(refused);
        vm.prank(seller);
        market.cancel(cancelled);
        _accept(settled);
        _dispute(forBuyer);
        _dispute(forSeller);
        _dispute(refused);
        _rule(forBuyer, IMarketplace.Ruling.Buyer);
        _rule(forSeller, IMarketplace.Ruling.Seller);
        _rule(refused, IMarketplace.Ruling.Refused);
        vm.warp(block.timestamp + REVIEW_WINDOW);
        market.release(released);
        market.refund(refunded);

        uint256 fee = _fee(PRICE, FEE_BPS);
        assertEq(market.creditOf(seller), 3 * (PRICE - fee) + PRICE / 2);
        assertEq(market.creditOf(treasury), 3 * fee);
        assertEq(market.creditOf(buyer), 2 * PRICE + PRICE / 2); // refunded + ruled for buyer + refused half
        assertEq(market.creditOf(dave), PRICE); // cancelled
        assertEq(market.accountOf(seller).sales, 3);
        assertEq(market.totalOwed(), 7 * PRICE);

        _withdrawFrom(seller);
        _withdrawFrom(buyer);
        _withdrawFrom(dave);
        _withdrawFrom(treasury);
        assertEq(address(market).balance, 0);
        assertEq(market.totalOwed(), 0);
    }
}
